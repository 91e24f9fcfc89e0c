using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Notifications;
using UxRt.Camkes.Runtime.Synchronisation;
using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Tests.Threading;

/// <summary>
/// A blocking kernel operation on a virtual CPU would freeze every lightweight thread of the
/// component, so it refuses at once, naming the instance and the awaitable form to use instead.
/// The same operation on a native thread blocks as it always did.
/// </summary>
public sealed class UnicoreGuardTests
{
    private const string Instance = "guarded";

    /// <summary>
    /// Each blocking operation, made by <c>Make(ready)</c>: when <c>ready</c> it would not need to
    /// block (what a native thread runs, to show it works there); otherwise it would block for ever.
    /// </summary>
    private static readonly Dictionary<string, (string Alternative, Func<bool, Action> Make)> Operations = new()
    {
        ["Endpoint.Call"] = ("Async", ready =>
        {
            var served = ServedEndpoint.Start(EndpointKind.Passive, new CalculatorDispatcher(new Calculator()), "server");
            var client = new CalculatorClient(served.Endpoint, badge: 1);
            return () => Assert.Equal(3, client.Add(1, 2));
        }),
        ["Notification.Wait"] = ("WaitAsync", ready =>
        {
            var notification = Signalled(ready);
            return () => notification.Wait();
        }),
        ["Notification.TryWait with a timeout"] = ("WaitAsync", ready =>
        {
            var notification = Signalled(ready);
            return () => Assert.True(notification.TryWait(Bounded.Wait, out _));
        }),
        ["NotificationSet.Wait"] = ("WaitAsync", ready =>
        {
            var set = new NotificationSet();
            set.Add(Signalled(ready));
            return () => set.Wait();
        }),
        ["NotificationSet.TryWait with a timeout"] = ("WaitAsync", ready =>
        {
            var set = new NotificationSet();
            set.Add(Signalled(ready));
            return () => Assert.True(set.TryWait(Bounded.Wait, out _));
        }),
        ["ComponentMutex.Lock"] = ("LockAsync", ready =>
        {
            // Even a free mutex: whether Lock would block depends on the other threads, so it is never allowed.
            var mutex = new ComponentMutex("m");
            return () =>
            {
                mutex.Lock();
                mutex.Unlock();
            };
        }),
        ["ComponentMutex.EnterScope"] = ("LockAsync", ready =>
        {
            var mutex = new ComponentMutex("m");
            return () => mutex.EnterScope().Dispose();
        }),
        ["ComponentMutex.TryLock with a timeout"] = ("LockAsync", ready =>
        {
            var mutex = new ComponentMutex("m");
            return () =>
            {
                Assert.True(mutex.TryLock(Bounded.Wait));
                mutex.Unlock();
            };
        }),
        ["ComponentSemaphore.Wait"] = ("WaitAsync", ready =>
        {
            var semaphore = new ComponentSemaphore("s", ready ? 1 : 0);
            return () => semaphore.Wait();
        }),
        ["ComponentSemaphore.TryWait with a timeout"] = ("WaitAsync", ready =>
        {
            var semaphore = new ComponentSemaphore("s", ready ? 1 : 0);
            return () => Assert.True(semaphore.TryWait(Bounded.Wait));
        }),
        ["ComponentBinarySemaphore.Wait"] = ("WaitAsync", ready =>
        {
            var semaphore = new ComponentBinarySemaphore(Instance, "b", ready ? 1 : 0);
            return () => semaphore.Wait();
        }),
        ["ComponentBinarySemaphore.TryWait with a timeout"] = ("WaitAsync", ready =>
        {
            var semaphore = new ComponentBinarySemaphore(Instance, "b", ready ? 1 : 0);
            return () => Assert.True(semaphore.TryWait(Bounded.Wait));
        }),
    };

    public static TheoryData<string> BlockingOperations => new(Operations.Keys);

    [Theory]
    [MemberData(nameof(BlockingOperations))]
    public void A_blocking_operation_on_a_cpu_throws_at_once_naming_the_instance_and_the_awaitable_form(string operation) =>
        AssertRefusedOnCpu(operation, ready: false);

    /// <summary>Whether it would block depends on other threads, so the mistake must show every time, not by chance.</summary>
    [Theory]
    [MemberData(nameof(BlockingOperations))]
    public void A_blocking_operation_on_a_cpu_throws_even_when_it_would_not_block(string operation) =>
        AssertRefusedOnCpu(operation, ready: true);

    private static void AssertRefusedOnCpu(string operation, bool ready)
    {
        var (alternative, make) = Operations[operation];
        var cpu = new VirtualCpu(Instance);
        try
        {
            var failure = RunOnCpu(cpu, make(ready));

            var refused = Assert.IsType<BlockingOnVirtualCpuException>(failure);
            Assert.Equal(Instance, refused.Instance);
            Assert.False(string.IsNullOrEmpty(refused.Operation));
            Assert.Contains($"'{Instance}'", refused.Message);
            Assert.Contains(alternative, refused.Message);
            Assert.Contains("await", refused.Message);
        }
        finally
        {
            Assert.True(cpu.Stop(Bounded.Wait));
        }
    }

    [Theory]
    [MemberData(nameof(BlockingOperations))]
    public void The_same_operation_on_a_native_thread_works(string operation)
    {
        var (_, make) = Operations[operation];
        var run = make(true);

        Bounded.RunThreads(run);
    }

    [Fact]
    public void Operations_that_cannot_block_are_allowed_on_a_cpu()
    {
        var cpu = new VirtualCpu(Instance);
        try
        {
            var notification = new Notification(Instance, "n");
            var set = new NotificationSet();
            var member = new Notification(Instance, "member");
            set.Add(member);
            var mutex = new ComponentMutex("m");
            var semaphore = new ComponentSemaphore("s");
            var binary = new ComponentBinarySemaphore(Instance, "b");
            var results = new List<bool>();

            var failure = RunOnCpu(cpu, () =>
            {
                results.Add(notification.TryWait(TimeSpan.Zero, out _));
                results.Add(set.TryWait(TimeSpan.Zero, out _));
                results.Add(semaphore.TryWait(TimeSpan.Zero));
                results.Add(binary.TryWait(TimeSpan.Zero));
                results.Add(mutex.TryLock(TimeSpan.Zero));
                mutex.Unlock();
                notification.Signal();
                member.Signal();
                semaphore.Post();
                binary.Post();
                results.Add(notification.Poll() != 0);
                results.Add(set.TryPoll(out _));
                results.Add(semaphore.TryWait());
                results.Add(binary.TryWait());
            });

            Assert.Null(failure);
            Assert.Equal([false, false, false, false, true, true, true, true, true], results);
        }
        finally
        {
            Assert.True(cpu.Stop(Bounded.Wait));
        }
    }

    [Fact]
    public void Waiting_for_another_cpu_on_a_cpu_throws_at_once_and_works_on_a_native_thread()
    {
        var cpu = new VirtualCpu(Instance);
        var other = new VirtualCpu("other");
        try
        {
            var ranOnOther = 0;
            var failure = RunOnCpu(cpu, () => other.Invoke(() => ranOnOther++));

            var refused = Assert.IsType<BlockingOnVirtualCpuException>(failure);
            Assert.Equal(Instance, refused.Instance);
            Assert.Contains($"'{Instance}'", refused.Message);
            Assert.Contains("'other'", refused.Message);
            Assert.Equal(0, ranOnOther);

            Bounded.RunThreads(() => other.Invoke(() => ranOnOther++));
            Assert.Equal(1, ranOnOther);
        }
        finally
        {
            Assert.True(cpu.Stop(Bounded.Wait));
            Assert.True(other.Stop(Bounded.Wait));
        }
    }

    [Fact]
    public void A_blocking_call_in_a_unicore_control_thread_is_a_fault_of_the_instance_and_its_cpu_keeps_serving()
    {
        using var kernel = new SystemKernel("guarded control");
        using var native = ServedEndpoint.Start(EndpointKind.Threaded, new CalculatorDispatcher(new Calculator()), "native");
        kernel.AddInstance(Instance, new ScriptedComponent
        {
            OnRunAsync = async _ =>
            {
                await Task.Yield();
                new CalculatorClient(native.Endpoint, badge: 1).Add(1, 2);
            },
        }, new InstanceOptions { HasControl = true, Threading = new UnicoreThreadingModel(Instance) });
        var endpoint = kernel.Serve(Instance, "calc", new CalculatorDispatcher(new Calculator()));

        kernel.Start();

        Assert.True(kernel.WaitForControlThreads(Bounded.Wait), "the blocking call hung the control thread");
        var fault = Assert.Single(kernel.Faults, f => f.Exception is not CpuHeldTooLongException);
        Assert.Equal((Instance, $"{Instance}.control"), (fault.Instance, fault.Thread));
        Assert.Equal(Instance, Assert.IsType<BlockingOnVirtualCpuException>(fault.Exception).Instance);
        var sum = 0;
        Bounded.RunThreads(() => sum = new CalculatorClient(endpoint, badge: 2).Add(20, 22));
        Assert.Equal(42, sum);
        Assert.Empty(kernel.Stop());
    }

    private static Notification Signalled(bool ready)
    {
        var notification = new Notification(Instance, "n");
        if (ready)
        {
            notification.Signal();
        }

        return notification;
    }

    // Runs `operation` on the CPU and returns what it threw; fails (rather than hangs) if it blocked the CPU.
    private static Exception? RunOnCpu(VirtualCpu cpu, Action operation)
    {
        Exception? failure = null;
        using var done = new ManualResetEventSlim();
        cpu.Post(() =>
        {
            try
            {
                operation();
            }
            catch (Exception exception)
            {
                failure = exception;
            }
            finally
            {
                done.Set();
            }
        });
        Assert.True(done.Wait(Bounded.Wait), "the operation blocked the CPU instead of refusing");
        return failure;
    }
}
