using System.Collections.Concurrent;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Tests.Kernel;

public sealed class LifecycleTests
{
    [Fact]
    public void Every_instance_is_initialised_before_any_control_thread_runs()
    {
        var journal = new ConcurrentQueue<string>();
        using var kernel = new SystemKernel("lifecycle");
        for (var i = 0; i < 4; i++)
        {
            kernel.AddInstance($"c{i}", new ScriptedComponent(journal), hasControl: i % 2 == 0);
        }

        kernel.Start();
        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));

        var entries = journal.ToList();
        Assert.Equal(6, entries.Count);
        Assert.All(entries.Take(4), e => Assert.StartsWith("init", e));
        Assert.Equal(["run c0", "run c2"], entries.Skip(4).Order());
    }

    [Fact]
    public void Run_happens_on_a_named_control_thread_and_the_system_ends_when_every_control_thread_returns()
    {
        var component = new ScriptedComponent();
        using var kernel = new SystemKernel("named");
        kernel.AddInstance("client", component, hasControl: true);

        var exitCode = RunBounded(kernel);

        Assert.Equal(0, exitCode);
        Assert.Equal("client.control", component.RunThread?.Name);
        Assert.NotSame(Thread.CurrentThread, component.RunThread);
    }

    [Fact]
    public void A_stop_request_ends_a_system_whose_control_thread_waits_for_it()
    {
        using var kernel = new SystemKernel("stoppable");
        var started = new ManualResetEventSlim();
        var component = kernel.AddInstance("loop", new ScriptedComponent
        {
            OnRun = self =>
            {
                started.Set();
                self.Stop.WaitHandle.WaitOne();
            },
        }, hasControl: true);

        kernel.Start();
        Assert.True(started.Wait(Bounded.Wait));
        kernel.RequestStop();
        Assert.True(kernel.WaitUntilFinished(Bounded.Wait));

        Assert.Empty(kernel.Stop());
        Assert.All(kernel.Threads, t => Assert.False(t.IsAlive));
        Assert.Equal(1, component.RunCount);
    }

    [Fact]
    public void A_component_can_ask_for_the_whole_system_to_stop()
    {
        using var kernel = new SystemKernel("self-stopping");
        kernel.AddInstance("server", new ScriptedComponent(), hasControl: false);
        kernel.Serve("server", "calc", new CalculatorDispatcher(new Calculator()));
        kernel.AddInstance("client", new ScriptedComponent
        {
            OnRun = self =>
            {
                self.StopSystem();
                self.Stop.WaitHandle.WaitOne();
            },
        }, hasControl: true);

        var exitCode = RunBounded(kernel);

        Assert.Equal(0, exitCode);
        Assert.All(kernel.Threads, t => Assert.False(t.IsAlive));
    }

    [Fact]
    public void Stop_joins_every_thread_the_kernel_started_interface_event_and_control()
    {
        using var kernel = new SystemKernel("all threads");
        var server = kernel.AddInstance("server", new ScriptedComponent(), hasControl: false);
        var consumer = kernel.AddInstance("consumer", new ScriptedComponent(), hasControl: false);
        kernel.AddInstance("client", new ScriptedComponent { OnRun = self => self.Stop.WaitHandle.WaitOne() }, hasControl: true);
        kernel.Serve("server", "calc", new CalculatorDispatcher(new Calculator()));
        kernel.CreateNotification("consumer", "ready");

        kernel.Start();
        Assert.Equal(["client.control", "consumer.events", "server.calc"], kernel.Threads.Select(t => t.Name).Order());
        var stuck = kernel.Stop();

        Assert.Empty(stuck);
        Assert.All(kernel.Threads, t => Assert.False(t.IsAlive));
        Assert.Equal(1, server.InitCount);
        Assert.Equal(1, consumer.InitCount);
    }

    [Fact]
    public void A_thread_that_ignores_the_stop_request_is_reported_by_name()
    {
        var release = new ManualResetEventSlim();
        var kernel = new SystemKernel("stubborn") { ShutdownTimeout = TimeSpan.FromMilliseconds(200) };
        kernel.AddInstance("stubborn", new ScriptedComponent { OnRun = _ => release.Wait() }, hasControl: true);
        kernel.Start();

        var stuck = kernel.Stop();
        release.Set();

        Assert.Equal(["stubborn.control (in ScriptedComponent.RunAsync)"], stuck);
        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));
        kernel.Dispose();
    }

    [Fact]
    public void A_host_that_starts_the_system_itself_stops_it_with_runs_exit_code()
    {
        using var clean = new SystemKernel("clean");
        clean.AddInstance("client", new ScriptedComponent(), hasControl: true);
        using var faulty = new SystemKernel("faulty");
        faulty.AddInstance("client", new ScriptedComponent { OnRun = _ => throw new InvalidOperationException("boom") }, hasControl: true);
        using var servers = new SystemKernel("servers");
        servers.AddInstance("server", new ScriptedComponent(), hasControl: false);

        clean.Start();
        faulty.Start();
        Assert.True(clean.WaitUntilFinished(Bounded.Wait) && faulty.WaitUntilFinished(Bounded.Wait));

        Assert.Equal((0, 1), (clean.StopWithExitCode(), faulty.StopWithExitCode()));
        Assert.Equal((true, true, false), (clean.HasControlThreads, faulty.HasControlThreads, servers.HasControlThreads));
    }

    [Fact]
    public void A_system_without_control_threads_runs_until_asked_to_stop()
    {
        using var kernel = new SystemKernel("servers only");
        kernel.AddInstance("server", new ScriptedComponent(), hasControl: false);
        kernel.Serve("server", "calc", new CalculatorDispatcher(new Calculator()));
        var endpoint = kernel.ServePassive("server", "passive", new CalculatorDispatcher(new Calculator()));

        kernel.Start();
        Assert.False(kernel.WaitUntilFinished(TimeSpan.Zero));
        Assert.Equal(3, new CalculatorClient(endpoint, badge: 1).Add(1, 2));
        kernel.RequestStop();

        Assert.True(kernel.WaitUntilFinished(Bounded.Wait));
        Assert.Empty(kernel.Stop());
    }

    [Fact]
    public void The_structure_is_fixed_once_started()
    {
        using var kernel = new SystemKernel("fixed");
        kernel.AddInstance("a", new ScriptedComponent(), hasControl: false);
        Assert.Throws<ArgumentException>(() => kernel.AddInstance("a", new ScriptedComponent(), hasControl: false));
        kernel.Start();

        Assert.Throws<InvalidOperationException>(() => kernel.AddInstance("b", new ScriptedComponent(), hasControl: false));
        Assert.Throws<InvalidOperationException>(() => kernel.CreateNotification("a", "late"));
    }

    [Fact]
    public void Thread_settings_reach_the_threads_the_kernel_starts()
    {
        using var kernel = new SystemKernel("settings");
        var settings = new ThreadSettings(Priority: 200, Affinity: 1, StackSize: 512 * 1024);
        kernel.AddInstance("client", new ScriptedComponent(), new InstanceOptions { HasControl = true, ControlThread = settings });
        kernel.AddInstance("server", new ScriptedComponent(), hasControl: false);
        kernel.Serve("server", "calc", new CalculatorDispatcher(new Calculator()), new ThreadSettings(Priority: 10));

        kernel.Start();
        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));

        Assert.Equal(settings, kernel.Threads.Single(t => t.Name == "client.control").Settings);
        Assert.Equal(10, kernel.Threads.Single(t => t.Name == "server.calc").Settings.Priority);
    }

    [Theory]
    [InlineData(null, ThreadPriority.Normal)]
    [InlineData(0, ThreadPriority.Lowest)]
    [InlineData(100, ThreadPriority.BelowNormal)]
    [InlineData(128, ThreadPriority.Normal)]
    [InlineData(200, ThreadPriority.AboveNormal)]
    [InlineData(255, ThreadPriority.Highest)]
    public void Sel4_priorities_map_onto_managed_thread_priorities(int? priority, ThreadPriority expected)
    {
        Assert.Equal(expected, PriorityMapping.ToOsPriority(priority));
    }

    [Fact]
    public void A_priority_outside_sel4s_range_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PriorityMapping.ToOsPriority(256));
    }

    private static int RunBounded(SystemKernel kernel)
    {
        var exitCode = -1;
        Bounded.RunThreads(() => exitCode = kernel.Run());
        return exitCode;
    }
}
