using System.Collections.Concurrent;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Notifications;
using UxRt.Camkes.Runtime.Synchronisation;
using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Tests.Threading;

/// <summary>Init and restarts of a unicore instance: run on its CPU like the rest of its code, and a blocking Init fails instead of hanging.</summary>
public sealed class UnicoreRestartTests
{
    [Fact]
    public void A_restarted_unicore_instance_runs_Init_and_a_fresh_control_thread_on_its_cpu()
    {
        var initThreads = new ConcurrentQueue<int>();
        var runThreads = new ConcurrentQueue<int>();
        using var kernel = new SystemKernel("restart");
        var model = new UnicoreThreadingModel("flaky");
        var flaky = kernel.AddInstance("flaky", new ScriptedComponent
        {
            OnInit = _ => initThreads.Enqueue(Environment.CurrentManagedThreadId),
            OnRunAsync = async self =>
            {
                runThreads.Enqueue(Environment.CurrentManagedThreadId);
                await Task.Yield();
                runThreads.Enqueue(Environment.CurrentManagedThreadId);
                if (self.RunCount < 3)
                {
                    throw new InvalidOperationException($"run {self.RunCount} fails");
                }
            },
        }, new InstanceOptions { HasControl = true, FaultPolicy = FaultPolicy.Restart, Threading = model });

        kernel.Start();

        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));
        Assert.Equal(3, flaky.InitCount);
        Assert.Equal(3, flaky.RunCount);
        Assert.Equal(Enumerable.Repeat(model.Cpu.ThreadId, 3), initThreads);
        Assert.Equal(Enumerable.Repeat(model.Cpu.ThreadId, 6), runThreads);
        Assert.DoesNotContain(Environment.CurrentManagedThreadId, initThreads);
        Assert.Equal(["run 1 fails", "run 2 fails"], kernel.Faults.Where(f => f.Exception is not CpuHeldTooLongException).Select(f => f.Exception.Message));
        Assert.Empty(kernel.Stop());
    }

    [Fact]
    public void A_callback_fault_restarts_a_unicore_instance_on_its_cpu_and_leaves_its_control_thread_running()
    {
        var initThreads = new ConcurrentQueue<int>();
        using var kernel = new SystemKernel("callback restart");
        var model = new UnicoreThreadingModel("listener");
        var controlResumed = new ManualResetEventSlim();
        var proceed = new Notification("listener", "proceed");
        var listener = kernel.AddInstance("listener", new ScriptedComponent
        {
            OnInit = _ => initThreads.Enqueue(Environment.CurrentManagedThreadId),
            OnRunAsync = async _ =>
            {
                await proceed.WaitAsync();
                controlResumed.Set();
            },
        }, new InstanceOptions { HasControl = true, FaultPolicy = FaultPolicy.Restart, Threading = model });
        var pokes = kernel.CreateNotification("listener", "pokes");
        using var registration = pokes.RegisterCallback(_ => throw new InvalidOperationException("callback fails"));

        kernel.Start();
        pokes.Signal();

        Assert.True(SpinWait.SpinUntil(() => listener.InitCount == 2, Bounded.Wait), "the instance was not restarted");
        var fault = Assert.Single(kernel.Faults, f => f.Exception is not CpuHeldTooLongException);
        Assert.Equal(("listener", "listener.events"), (fault.Instance, fault.Thread));
        Assert.IsType<CallbackFaultException>(fault.Exception);

        // The fault was not the control thread's, so that thread was left alone: still parked, then resumed.
        proceed.Signal();
        Assert.True(controlResumed.Wait(Bounded.Wait));
        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));
        Assert.Equal(1, listener.RunCount);
        Assert.Equal(Enumerable.Repeat(model.Cpu.ThreadId, 2), initThreads);
        Assert.Empty(kernel.Stop());
    }

    [Fact]
    public void An_Init_that_blocks_on_its_cpu_fails_with_a_recorded_fault_instead_of_hanging()
    {
        using var kernel = new SystemKernel("blocking init");
        var never = new Notification("blocker", "never");
        var blocker = kernel.AddInstance("blocker", new ScriptedComponent
        {
            OnInit = _ => never.Wait(),
            OnRunAsync = _ => Task.CompletedTask,
        }, new InstanceOptions { HasControl = true, Threading = new UnicoreThreadingModel("blocker") });
        var endpoint = kernel.Serve("blocker", "calc", new CalculatorDispatcher(new Calculator()));
        var bystander = kernel.AddInstance("bystander", new ScriptedComponent(), new InstanceOptions { Threading = new UnicoreThreadingModel("bystander") });

        Bounded.RunThreads(kernel.Start);

        var fault = Assert.Single(kernel.Faults, f => f.Exception is not CpuHeldTooLongException);
        Assert.Equal(("blocker", "blocker.init"), (fault.Instance, fault.Thread));
        var refused = Assert.IsType<BlockingOnVirtualCpuException>(fault.Exception);
        Assert.Equal("blocker", refused.Instance);
        Assert.Contains("WaitAsync", refused.Message);
        Assert.Equal(0, blocker.RunCount);
        Assert.Equal(1, bystander.InitCount);

        // A server whose Init failed is not served: its callers get a fault, not a hang.
        Bounded.RunThreads(() => Assert.Throws<ComponentFaultException>(() => new CalculatorClient(endpoint, badge: 1).Add(1, 2)));
        Assert.Empty(kernel.Stop());
    }

    [Fact]
    public void A_restart_whose_Init_blocks_records_the_fault_and_starts_no_control_thread()
    {
        using var kernel = new SystemKernel("blocking reinit");
        var never = new ComponentSemaphore("never");
        var flaky = kernel.AddInstance("flaky", new ScriptedComponent
        {
            OnInit = self =>
            {
                if (self.InitCount > 1)
                {
                    never.Wait();
                }
            },
            OnRunAsync = async _ =>
            {
                await Task.Yield();
                throw new InvalidOperationException("run fails");
            },
        }, new InstanceOptions { HasControl = true, FaultPolicy = FaultPolicy.Restart, Threading = new UnicoreThreadingModel("flaky") });

        kernel.Start();

        Assert.True(kernel.WaitForControlThreads(Bounded.Wait), "the blocking re-Init hung the restart");
        Assert.Equal(2, flaky.InitCount);
        Assert.Equal(1, flaky.RunCount);
        var faults = kernel.Faults.Where(f => f.Exception is not CpuHeldTooLongException).ToList();
        Assert.Equal(["flaky.control", "flaky.init"], faults.Select(f => f.Thread));
        Assert.IsType<BlockingOnVirtualCpuException>(faults[1].Exception);
        Assert.Empty(kernel.Stop());
    }
}
