using System.Collections.Concurrent;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Tests.Support;

namespace UxRt.Camkes.Runtime.Tests.Kernel;

public sealed class FaultTests
{
    [Fact]
    public void An_unhandled_exception_on_a_control_thread_becomes_a_fault_record_for_the_fault_handler()
    {
        using var kernel = new SystemKernel("faulty");
        var handler = new RecordingHandler();
        kernel.AddInstance("crasher", new ScriptedComponent { OnRun = _ => throw new InvalidOperationException("bad state") }, hasControl: true);
        kernel.SetFaultHandler("crasher", handler);

        kernel.Start();
        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));

        var fault = Assert.Single(handler.Faults);
        Assert.Equal(("crasher", "crasher.control"), (fault.Instance, fault.Thread));
        Assert.IsType<InvalidOperationException>(fault.Exception);
        Assert.Equal(fault, Assert.Single(kernel.Faults));
    }

    [Fact]
    public void A_fault_without_a_handler_is_logged_as_an_error_naming_instance_and_thread()
    {
        var logger = new RecordingLogger();
        using var kernel = new SystemKernel("logged", logger);
        var failure = new InvalidOperationException("bad state");
        kernel.AddInstance("crasher", new ScriptedComponent { OnRun = _ => throw failure }, hasControl: true);

        kernel.Start();
        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));

        var entry = Assert.Single(logger.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error);
        Assert.Same(failure, entry.Exception);
        Assert.Contains("crasher", entry.Message);
        Assert.Contains("crasher.control", entry.Message);
    }

    [Fact]
    public void A_system_whose_faults_all_went_to_a_handler_exits_with_0_and_one_with_an_unhandled_fault_with_1()
    {
        using var handled = new SystemKernel("handled");
        handled.AddInstance("crasher", new ScriptedComponent { OnRun = _ => throw new InvalidOperationException() }, hasControl: true);
        handled.SetFaultHandler("crasher", new RecordingHandler());
        using var unhandled = new SystemKernel("unhandled");
        unhandled.AddInstance("crasher", new ScriptedComponent { OnRun = _ => throw new InvalidOperationException() }, hasControl: true);
        var exitCodes = new int[2];

        Bounded.RunThreads(() => exitCodes[0] = handled.Run(), () => exitCodes[1] = unhandled.Run());

        Assert.Equal([0, 1], exitCodes);
    }

    [Fact]
    public void Under_the_continue_policy_a_fault_leaves_the_other_instances_running()
    {
        using var kernel = new SystemKernel("continue") { DefaultFaultPolicy = FaultPolicy.Continue };
        var survivorRunning = new ManualResetEventSlim();
        kernel.AddInstance("crasher", new ScriptedComponent { OnRun = _ => throw new InvalidOperationException() }, hasControl: true);
        var survivor = kernel.AddInstance("survivor", new ScriptedComponent
        {
            OnRun = self =>
            {
                survivorRunning.Set();
                self.Stop.WaitHandle.WaitOne();
            },
        }, hasControl: true);

        kernel.Start();
        Assert.True(survivorRunning.Wait(Bounded.Wait));
        Assert.True(SpinWait.SpinUntil(() => kernel.Faults.Count == 1, Bounded.Wait));

        Assert.False(kernel.WaitUntilFinished(TimeSpan.Zero));
        Assert.Empty(kernel.Stop());
        Assert.Equal(1, survivor.InitCount);
    }

    [Fact]
    public void The_restart_policy_reinitialises_and_reruns_only_the_faulted_instance()
    {
        using var kernel = new SystemKernel("restart");
        var flaky = kernel.AddInstance("flaky", new ScriptedComponent
        {
            OnRun = self =>
            {
                if (self.RunCount < 3)
                {
                    throw new InvalidOperationException($"attempt {self.RunCount}");
                }
            },
        }, new InstanceOptions { HasControl = true, FaultPolicy = FaultPolicy.Restart });
        var bystander = kernel.AddInstance("bystander", new ScriptedComponent(), hasControl: false);

        kernel.Start();
        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));

        Assert.Equal(3, flaky.InitCount);
        Assert.Equal(3, flaky.RunCount);
        Assert.Equal(1, bystander.InitCount);
        Assert.Equal(2, kernel.Faults.Count);
    }

    [Fact]
    public void Restarts_stop_at_the_limit()
    {
        using var kernel = new SystemKernel("limit") { RestartLimit = 2, DefaultFaultPolicy = FaultPolicy.Restart };
        var hopeless = kernel.AddInstance("hopeless", new ScriptedComponent { OnRun = _ => throw new InvalidOperationException() }, hasControl: true);

        kernel.Start();
        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));

        Assert.Equal(3, hopeless.RunCount);
        Assert.Equal(3, kernel.Faults.Count);
    }

    [Fact]
    public void The_stop_policy_stops_the_whole_system()
    {
        using var kernel = new SystemKernel("stop on fault") { DefaultFaultPolicy = FaultPolicy.StopSystem };
        kernel.AddInstance("crasher", new ScriptedComponent { OnRun = _ => throw new InvalidOperationException() }, hasControl: true);
        var waiter = kernel.AddInstance("waiter", new ScriptedComponent { OnRun = self => self.Stop.WaitHandle.WaitOne() }, hasControl: true);

        var exitCode = -1;
        Bounded.RunThreads(() => exitCode = kernel.Run());

        Assert.Equal(1, exitCode);
        Assert.Equal(1, waiter.RunCount);
        Assert.All(kernel.Threads, t => Assert.False(t.IsAlive));
    }

    [Fact]
    public void A_fault_in_a_notification_callback_is_recorded_against_the_consumer_on_its_event_thread()
    {
        using var kernel = new SystemKernel("callback fault");
        var handler = new RecordingHandler();
        kernel.AddInstance("consumer", new ScriptedComponent(), hasControl: false);
        kernel.SetFaultHandler("consumer", handler);
        var notification = kernel.CreateNotification("consumer", "ready");
        var delivered = new ManualResetEventSlim();
        using var registration = notification.RegisterCallback(bits =>
        {
            if (bits == 1)
            {
                throw new InvalidOperationException("callback failed");
            }

            delivered.Set();
        });

        kernel.Start();
        notification.Signal(1);
        Assert.True(SpinWait.SpinUntil(() => !handler.Faults.IsEmpty, Bounded.Wait));
        notification.Signal(2);

        Assert.True(delivered.Wait(Bounded.Wait), "the event thread stopped after the fault");
        var fault = Assert.Single(handler.Faults);
        Assert.Equal(("consumer", "consumer.events"), (fault.Instance, fault.Thread));
        Assert.IsType<CallbackFaultException>(fault.Exception);
    }

    [Fact]
    public void An_instance_whose_init_faults_neither_runs_nor_serves_and_the_others_do()
    {
        using var kernel = new SystemKernel("init fault");
        var broken = kernel.AddInstance("broken", new ScriptedComponent { OnInit = _ => throw new InvalidOperationException() }, hasControl: true);
        var healthy = kernel.AddInstance("healthy", new ScriptedComponent(), hasControl: true);
        var brokenServer = new CalculatorClient(kernel.Serve("broken", "calc", new CalculatorDispatcher(new Calculator())), badge: 1);
        var healthyServer = new CalculatorClient(kernel.ServePassive("healthy", "calc", new CalculatorDispatcher(new Calculator())), badge: 1);

        kernel.Start();
        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));

        Assert.Equal(0, broken.RunCount);
        Assert.Equal(1, healthy.RunCount);
        Assert.Equal("broken.init", Assert.Single(kernel.Faults).Thread);
        Assert.Throws<ComponentFaultException>(() => brokenServer.Add(1, 1));
        Assert.Equal(2, healthyServer.Add(1, 1));
    }

    [Fact]
    public void Leaving_run_through_the_stop_request_is_not_a_fault()
    {
        using var kernel = new SystemKernel("cancelled");
        var running = new ManualResetEventSlim();
        kernel.AddInstance("waiter", new ScriptedComponent
        {
            OnRun = self =>
            {
                running.Set();
                Task.Delay(Timeout.Infinite, self.Stop).Wait(self.Stop);
            },
        }, hasControl: true);

        kernel.Start();
        Assert.True(running.Wait(Bounded.Wait));

        Assert.Empty(kernel.Stop());
        Assert.Empty(kernel.Faults);
    }

    [Fact]
    public void A_failing_fault_handler_does_not_take_the_kernel_down()
    {
        using var kernel = new SystemKernel("handler fault");
        kernel.AddInstance("crasher", new ScriptedComponent { OnRun = _ => throw new InvalidOperationException() }, hasControl: true);
        kernel.SetFaultHandler("crasher", new ThrowingHandler());

        kernel.Start();

        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));
        Assert.Single(kernel.Faults);
    }

    private sealed class RecordingHandler : IFaultHandler
    {
        public ConcurrentQueue<FaultRecord> Faults { get; } = new();

        public void HandleFault(FaultRecord fault) => Faults.Enqueue(fault);
    }

    private sealed class ThrowingHandler : IFaultHandler
    {
        public void HandleFault(FaultRecord fault) => throw new InvalidOperationException("handler broken");
    }
}
