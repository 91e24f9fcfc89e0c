using System.Collections.Concurrent;
using UxRt.Camkes.Runtime.Components;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Tests.Kernel;

/// <summary>
/// Callbacks and fault handlers that await: the event thread awaits a callback before it delivers
/// the next signal, its fault after an await is the consumer's fault like any other, and an
/// awaitable fault handler runs where a synchronous one would, its awaits resuming there.
/// </summary>
public sealed class AwaitableHandlerTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_awaiting_callback_finishes_before_the_next_signal_is_delivered_and_a_fault_after_its_await_is_the_consumers(bool unicore)
    {
        using var kernel = new SystemKernel("awaitable callbacks");
        var model = unicore ? new UnicoreThreadingModel("consumer") : null;
        kernel.AddInstance("consumer", new ScriptedComponent(), model is null ? new InstanceOptions() : new InstanceOptions { Threading = model });
        var notification = kernel.CreateNotification("consumer", "ready");
        var journal = new ConcurrentQueue<string>();
        var threads = new ConcurrentDictionary<int, byte>();
        var firstMayEnd = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondDelivered = new ManualResetEventSlim();
        using var registration = notification.RegisterCallback(async bits =>
        {
            journal.Enqueue($"begin {bits}");
            if (bits == 1)
            {
                await firstMayEnd.Task;
            }

            await Task.Yield();
            if (unicore)
            {
                threads.TryAdd(Environment.CurrentManagedThreadId, 0);
            }

            journal.Enqueue($"end {bits}");
            if (bits == 2)
            {
                secondDelivered.Set();
                throw new InvalidOperationException("after an await");
            }
        });

        kernel.Start();
        notification.Signal(1);
        Assert.True(SpinWait.SpinUntil(() => journal.Contains("begin 1"), Bounded.Wait));
        notification.Signal(2);
        firstMayEnd.SetResult();

        Assert.True(secondDelivered.Wait(Bounded.Wait), "the second signal was never delivered");
        Assert.True(SpinWait.SpinUntil(() => kernel.Faults.Count > 0, Bounded.Wait), "the fault after the await was lost");
        Assert.Equal(["begin 1", "end 1", "begin 2", "end 2"], journal);
        var fault = Assert.Single(kernel.Faults);
        Assert.Equal(("consumer", "consumer.events"), (fault.Instance, fault.Thread));
        Assert.Equal("after an await", Assert.IsType<CallbackFaultException>(fault.Exception).InnerException?.Message);
        if (model is not null)
        {
            Assert.Equal([model.Cpu.ThreadId], threads.Keys);
        }

        Assert.Empty(kernel.Stop());
    }

    [Fact]
    public void An_awaitable_fault_handler_of_a_unicore_monitor_is_awaited_on_its_cpu_before_a_native_faulted_thread_goes_on()
    {
        using var kernel = new SystemKernel("awaitable fault handler");
        var monitorModel = new UnicoreThreadingModel("monitor");
        var monitor = kernel.AddInstance("monitor", new AwaitingMonitor(), new InstanceOptions { Threading = monitorModel });
        kernel.AddInstance("crasher", new ScriptedComponent { OnRun = _ => throw new InvalidOperationException("bad state") }, hasControl: true);
        kernel.SetFaultHandler("crasher", monitor);

        kernel.Start();

        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));

        // The faulted native thread waited for the whole handler, its awaits included.
        var handled = Assert.Single(monitor.Handled);
        Assert.Equal(("crasher", "crasher.control"), (handled.Fault.Instance, handled.Fault.Thread));
        Assert.Equal(monitorModel.Cpu.ThreadId, handled.ResumedOn);
        Assert.Empty(kernel.Stop());
    }

    [Fact]
    public void An_awaitable_fault_handler_that_throws_after_its_await_does_not_take_the_kernel_down()
    {
        using var kernel = new SystemKernel("failing awaitable fault handler");
        kernel.AddInstance("crasher", new ScriptedComponent { OnRun = _ => throw new InvalidOperationException("bad state") }, hasControl: true);
        kernel.SetFaultHandler("crasher", new ThrowingAfterAwait());

        kernel.Start();

        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));
        Assert.Single(kernel.Faults);
        Assert.Empty(kernel.Stop());
    }

    private sealed class AwaitingMonitor : Component, IAsyncFaultHandler
    {
        public ConcurrentQueue<(FaultRecord Fault, int ResumedOn)> Handled { get; } = new();

        public async ValueTask HandleFaultAsync(FaultRecord fault)
        {
            await Task.Delay(1);
            Handled.Enqueue((fault, Environment.CurrentManagedThreadId));
        }
    }

    private sealed class ThrowingAfterAwait : IAsyncFaultHandler
    {
        public async ValueTask HandleFaultAsync(FaultRecord fault)
        {
            await Task.Yield();
            throw new InvalidOperationException("handler broken after an await");
        }
    }
}
