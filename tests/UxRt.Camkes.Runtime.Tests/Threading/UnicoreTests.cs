using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Rpc;
using UxRt.Camkes.Runtime.Synchronisation;
using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Tests.Threading;

/// <summary>The unicore model: one thread of the component runs at a time, and the kernel's blocking operations never freeze it.</summary>
public sealed class UnicoreTests
{
    [Fact]
    public void Control_event_and_interface_threads_of_a_unicore_component_never_run_at_the_same_time()
    {
        const int Rounds = 2_000;
        using var kernel = new SystemKernel("one at a time");
        var occupancy = new Occupancy();
        var driverDone = new ManualResetEventSlim();
        kernel.AddInstance("busy", new ScriptedComponent
        {
            OnRun = _ =>
            {
                while (!driverDone.IsSet)
                {
                    occupancy.Occupy();

                    // Between steps the control thread lets the component's other threads have the CPU.
                    using (VirtualCpu.Yield())
                    {
                        Thread.Yield();
                    }
                }
            },
        }, new InstanceOptions { HasControl = true, Threading = new UnicoreThreadingModel("busy") });
        var ticks = kernel.CreateNotification("busy", "ticks");
        var endpoint = kernel.Serve("busy", "calc", new CalculatorDispatcher(new OccupyingCalculator(occupancy)));
        kernel.AddInstance("driver", new ScriptedComponent
        {
            OnRun = _ =>
            {
                var calculator = new CalculatorClient(endpoint, badge: 1);
                for (var i = 0; i < Rounds; i++)
                {
                    ticks.Signal();
                    calculator.Add(i, 1);
                }

                driverDone.Set();
            },
        }, hasControl: true);
        using var registration = ticks.RegisterCallback(_ => occupancy.Occupy());

        kernel.Start();
        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));

        Assert.Equal(1, occupancy.MostAtOnce);
        Assert.True(occupancy.Entries >= Rounds, $"only {occupancy.Entries} entries");
    }

    [Fact]
    public void A_wait_gives_the_cpu_to_the_components_other_threads()
    {
        using var kernel = new SystemKernel("waiting yields");
        var model = new UnicoreThreadingModel("waiter");
        ComponentSemaphore? posted = null;
        kernel.AddInstance("waiter", new ScriptedComponent
        {
            // The callback that posts the semaphore runs on the same CPU: it can only run while this wait has yielded.
            OnRun = _ => Assert.True(posted!.TryWait(Bounded.Wait), "the wait never yielded the CPU"),
        }, new InstanceOptions { HasControl = true, Threading = model });
        var wake = kernel.CreateNotification("waiter", "wake");
        posted = new ComponentSemaphore("posted");
        using var registration = wake.RegisterCallback(_ => posted.Post());

        kernel.Start();
        wake.Signal();

        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));
        Assert.Empty(kernel.Faults);
    }

    [Fact]
    public void A_call_out_yields_so_a_call_back_in_can_run()
    {
        using var kernel = new SystemKernel("call back");
        var model = new UnicoreThreadingModel("a");
        kernel.AddInstance("b", new ScriptedComponent(), hasControl: false);
        var intoA = kernel.ServePassive("a", "calc", new CalculatorDispatcher(new Calculator()));
        var intoB = kernel.Serve("b", "calc", new CalculatorDispatcher(new RelayingCalculator(new CalculatorClient(intoA, badge: 2))));
        var result = 0;
        kernel.AddInstance("a", new ScriptedComponent { OnRun = _ => result = new CalculatorClient(intoB, badge: 1).Add(20, 22) }, new InstanceOptions { HasControl = true, Threading = model });

        kernel.Start();

        Assert.True(kernel.WaitForControlThreads(Bounded.Wait), "a's call out held its CPU, so b's call back in deadlocked");
        Assert.Equal(42, result);
    }

    [Fact]
    public void A_contended_mutex_yields_the_cpu_to_its_holder()
    {
        using var kernel = new SystemKernel("mutex");
        var mutex = new ComponentMutex("lock");
        var holderInside = new ComponentSemaphore("holder inside");
        var contenderTrying = new ComponentSemaphore("contender trying");
        var order = new List<string>();
        kernel.AddInstance("m", new ScriptedComponent
        {
            OnRun = _ =>
            {
                Assert.True(holderInside.TryWait(Bounded.Wait));
                contenderTrying.Post();

                // Contended: without yielding here the holder could never get the CPU back to unlock.
                using (mutex.EnterScope())
                {
                    order.Add("contender");
                }
            },
        }, new InstanceOptions { HasControl = true, Threading = new UnicoreThreadingModel("m") });
        var release = kernel.CreateNotification("m", "release");
        using var registration = release.RegisterCallback(_ =>
        {
            using (mutex.EnterScope())
            {
                holderInside.Post();
                Assert.True(contenderTrying.TryWait(Bounded.Wait));
                order.Add("holder");
            }
        });

        kernel.Start();
        release.Signal();

        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));
        Assert.Equal(["holder", "contender"], order);
        Assert.Empty(kernel.Faults);
    }

    [Fact]
    public void A_unicore_fault_handler_handles_faults_on_its_own_cpu()
    {
        using var kernel = new SystemKernel("unicore handler");
        var handlerModel = new UnicoreThreadingModel("monitor");
        var monitor = kernel.AddInstance("monitor", new CpuCheckingHandler(handlerModel.Cpu), new InstanceOptions { Threading = handlerModel });
        kernel.AddInstance("crasher", new ScriptedComponent { OnRun = _ => throw new InvalidOperationException() }, new InstanceOptions { HasControl = true, Threading = new UnicoreThreadingModel("crasher") });
        kernel.SetFaultHandler("crasher", monitor);

        kernel.Start();

        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));
        Assert.Equal([true], monitor.HeldOwnCpu);
    }

    [Fact]
    public void The_cpu_is_reentrant_for_its_holder_and_released_only_at_the_outermost_exit()
    {
        var cpu = new VirtualCpu("c");

        using (cpu.Enter())
        {
            using (cpu.Enter())
            {
                Assert.True(cpu.IsHeldByCurrentThread);
            }

            Assert.True(cpu.IsHeldByCurrentThread);
            using (VirtualCpu.Yield())
            {
                Assert.False(cpu.IsHeldByCurrentThread);
                var heldElsewhere = false;
                Bounded.RunThreads(() =>
                {
                    using (cpu.Enter())
                    {
                        heldElsewhere = cpu.IsHeldByCurrentThread;
                    }
                });
                Assert.True(heldElsewhere);
            }

            Assert.True(cpu.IsHeldByCurrentThread);
        }

        Assert.False(cpu.IsHeldByCurrentThread);
    }

    private sealed class CpuCheckingHandler(VirtualCpu cpu) : UxRt.Camkes.Runtime.Components.Component, UxRt.Camkes.Runtime.Faults.IFaultHandler
    {
        public List<bool> HeldOwnCpu { get; } = new();

        public void HandleFault(UxRt.Camkes.Runtime.Faults.FaultRecord fault) => HeldOwnCpu.Add(cpu.IsHeldByCurrentThread);
    }

    /// <summary>Counts how many threads are inside the component at once.</summary>
    private sealed class Occupancy
    {
        private int _inside;
        private int _mostAtOnce;
        private int _entries;

        public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

        public int Entries => Volatile.Read(ref _entries);

        public void Occupy()
        {
            var inside = Interlocked.Increment(ref _inside);
            InterlockedMax(ref _mostAtOnce, inside);
            Interlocked.Increment(ref _entries);
            Thread.SpinWait(50);
            Interlocked.Decrement(ref _inside);
        }

        private static void InterlockedMax(ref int location, int value)
        {
            var current = Volatile.Read(ref location);
            while (value > current && Interlocked.CompareExchange(ref location, value, current) is var seen && seen != current)
            {
                current = seen;
            }
        }
    }

    private sealed class OccupyingCalculator(Occupancy occupancy) : StubCalculator
    {
        public override int Add(int a, int b)
        {
            occupancy.Occupy();
            return a + b;
        }
    }

    /// <summary>Answers <c>add</c> by calling on, so a call into it calls back out.</summary>
    private sealed class RelayingCalculator(ICalculator next) : StubCalculator
    {
        public override int Add(int a, int b) => next.Add(a, b);
    }
}
