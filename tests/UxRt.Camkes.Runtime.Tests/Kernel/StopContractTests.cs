using System.Collections.Concurrent;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Rpc;
using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Tests.Kernel;

/// <summary>
/// The stop contract: when Stop returns, every call queued or in flight on any endpoint has been
/// answered or failed with a fault naming instance, interface, method and "system stopping"; no
/// caller is left waiting, even the callers of a handler that never returns.
/// </summary>
public sealed class StopContractTests
{
    private const int Callers = 6;
    private const int Rounds = 200;
    private const int StuckRounds = 100;
    private const string Stopping = "server.calc.add failed: system stopping";

    public enum ServerKind
    {
        Threaded,
        MultiThreaded,
        Passive,
        UnicoreThreaded,
        UnicorePassive,
        UnicoreDirect,
    }

    public static TheoryData<ServerKind> Kinds => new(Enum.GetValues<ServerKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Calls_queued_behind_a_handler_that_ends_at_stop_are_failed_by_name(ServerKind kind)
    {
        for (var round = 0; round < Rounds; round++)
        {
            var kernel = new SystemKernel("s") { ShutdownTimeout = TimeSpan.FromMilliseconds(200) };
            var handlers = 0;
            var endpoint = Serve(kernel, kind, new BlockingCalculator(() =>
            {
                Interlocked.Increment(ref handlers);
                kernel.StopToken.WaitHandle.WaitOne();
            }));
            kernel.Start();

            var results = CallWhileStopping(kernel, endpoint, accepted: () => Volatile.Read(ref handlers) >= 1 && AllAccepted(kind, endpoint), out var stuck);

            Assert.Empty(stuck);

            // A handler freed by the stop may take another queued call before the close fails it:
            // each call is answered by a handler or failed by name, never left open.
            Assert.All(results, r => Assert.True(r is 3 or ComponentFaultException { Message: Stopping }, $"unexpected result {r}"));
            Assert.Equal(0, endpoint.OutstandingCount);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_callers_of_a_handler_that_never_returns_are_failed_at_the_deadline_and_its_late_reply_ignored(ServerKind kind)
    {
        for (var round = 0; round < StuckRounds; round++)
        {
            using var release = new ManualResetEventSlim();
            var kernel = new SystemKernel("s") { ShutdownTimeout = TimeSpan.FromMilliseconds(10) };
            var handlers = 0;
            var endpoint = Serve(kernel, kind, new BlockingCalculator(() =>
            {
                Interlocked.Increment(ref handlers);
                release.Wait();
            }), blocksCpu: false);
            kernel.Start();

            // A passive native handler runs on its caller's thread: that caller returns only with its handler.
            var inHandler = kind == ServerKind.Passive ? 1 : 0;
            var results = CallWhileStopping(kernel, endpoint, accepted: () => Volatile.Read(ref handlers) >= 1 && AllAccepted(kind, endpoint), out _, release, inHandler);

            Assert.Equal(Callers - inHandler, results.Count(r => r is ComponentFaultException { Message: Stopping }));
            Assert.Equal(inHandler, results.Count(r => r is 3));
            Assert.Equal(0, endpoint.OutstandingCount);
        }
    }

    [Fact]
    public void A_unicore_client_awaiting_native_direct_and_passive_handlers_that_never_return_is_failed()
    {
        foreach (var passive in new[] { false, true })
        {
            for (var round = 0; round < StuckRounds; round++)
            {
                using var release = new ManualResetEventSlim();
                var kernel = new SystemKernel("s") { ShutdownTimeout = TimeSpan.FromMilliseconds(10) };
                kernel.AddInstance("server", new ScriptedComponent(), hasControl: false);
                var dispatcher = new CalculatorDispatcher(new BlockingCalculator(release.Wait));
                var endpoint = passive ? kernel.ServePassive("server", "calc", dispatcher) : kernel.ServeDirect("server", "calc", dispatcher);
                var results = new ConcurrentQueue<object>();
                kernel.AddInstance("client", new ScriptedComponent
                {
                    OnRunAsync = async _ => await Task.WhenAll(Enumerable.Range(0, Callers).Select(async _ =>
                    {
                        try
                        {
                            results.Enqueue(await new CalculatorAsyncClient(endpoint, badge: 1).AddAsync(1, 2));
                        }
                        catch (ComponentFaultException fault)
                        {
                            results.Enqueue(fault);
                        }
                    })),
                }, new InstanceOptions { HasControl = true, Threading = new UnicoreThreadingModel("client") });
                kernel.Start();
                Assert.True(SpinWait.SpinUntil(() => endpoint.OutstandingCount == Callers, Bounded.Wait), "the calls were not all accepted");

                var stuck = kernel.Stop();
                release.Set();

                Assert.Empty(stuck);
                Assert.Equal(Callers, results.Count);
                Assert.All(results, r => Assert.Equal(Stopping, Assert.IsType<ComponentFaultException>(r).Message));
                kernel.Dispose();
            }
        }
    }

    [Fact]
    public void Stop_names_a_stuck_interface_thread_with_its_handler_and_not_an_idle_cpu()
    {
        using var release = new ManualResetEventSlim();
        var kernel = new SystemKernel("s") { ShutdownTimeout = TimeSpan.FromMilliseconds(200) };
        var entered = new CountdownEvent(1);
        var endpoint = Serve(kernel, ServerKind.Threaded, new BlockingCalculator(() =>
        {
            entered.Signal();
            release.Wait();
        }));

        // An idle unicore instance: its CPU has run work and then waits, and must not be reported.
        var idle = kernel.AddInstance("idle", new ScriptedComponent { OnRunAsync = _ => Task.CompletedTask }, new InstanceOptions { HasControl = true, Threading = new UnicoreThreadingModel("idle") });
        kernel.Start();
        var caller = CallerThread.Start(endpoint);
        Assert.True(entered.Wait(Bounded.Wait));
        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));

        var stuck = kernel.Stop();

        Assert.Equal(["server.calc (in ScriptedComponent.Add)"], stuck);
        Assert.True(caller.Join(Bounded.Wait), "the caller of the stuck handler was left waiting");
        Assert.Equal(Stopping, Assert.IsType<ComponentFaultException>(caller.Result).Message);
        Assert.Equal(1, idle.RunCount);
        release.Set();
    }

    [Fact]
    public void Stop_names_a_cpu_held_by_a_handler_with_that_handler()
    {
        using var release = new ManualResetEventSlim();
        var kernel = new SystemKernel("s") { ShutdownTimeout = TimeSpan.FromMilliseconds(200) };
        var entered = new CountdownEvent(1);
        var endpoint = Serve(kernel, ServerKind.UnicorePassive, new BlockingCalculator(() =>
        {
            entered.Signal();
            release.Wait();
        }));
        kernel.Start();
        var caller = CallerThread.Start(endpoint);
        Assert.True(entered.Wait(Bounded.Wait));

        var stuck = kernel.Stop();

        Assert.Equal(["server.cpu (in ScriptedComponent.Add)"], stuck);
        Assert.True(caller.Join(Bounded.Wait), "the caller of the stuck handler was left waiting");
        Assert.Equal(Stopping, Assert.IsType<ComponentFaultException>(caller.Result).Message);
        release.Set();
    }

    // Starts the callers, waits until the endpoint has accepted their calls, stops the system and
    // collects what each caller got: its result or its fault.
    private static List<object> CallWhileStopping(SystemKernel kernel, Endpoint endpoint, Func<bool> accepted, out IReadOnlyList<string> stuck, ManualResetEventSlim? release = null, int runningHandlers = 0)
    {
        var callers = Enumerable.Range(0, Callers).Select(_ => CallerThread.Start(endpoint)).ToList();
        Assert.True(SpinWait.SpinUntil(() => callers.All(c => c.Started) && accepted(), Bounded.Wait), "the calls were not all accepted");

        stuck = kernel.Stop();

        // Bounded: a caller still waiting after Stop returned is the failure this test is about.
        var deadline = Deadline.After(TimeSpan.FromSeconds(10));
        Assert.True(SpinWait.SpinUntil(() => callers.Count(c => !c.Join(TimeSpan.Zero)) <= runningHandlers, deadline.Remaining), "a caller was left waiting after Stop returned");
        release?.Set();
        Assert.True(callers.All(c => c.Join(deadline.Remaining)), "a caller running the handler did not return once it did");
        kernel.Dispose();
        return callers.Select(c => c.Result!).ToList();
    }

    private static object Record(Func<int> call)
    {
        try
        {
            return call();
        }
        catch (ComponentFaultException fault)
        {
            return fault;
        }
    }

    // A passive native endpoint runs handlers on its callers' threads and queues nobody it could
    // count: its callers are seen to have started, which is as far as the test can see.
    // A native passive call is accepted once its caller waits for its turn behind the one running.
    private static bool AllAccepted(ServerKind kind, Endpoint endpoint) =>
        kind == ServerKind.Passive ? ((PassiveEndpoint)endpoint).WaitingCount == Callers - 1 : endpoint.OutstandingCount == Callers;

    private static Endpoint Serve(SystemKernel kernel, ServerKind kind, ICalculator calculator, bool blocksCpu = true)
    {
        var unicore = kind is ServerKind.UnicoreThreaded or ServerKind.UnicorePassive or ServerKind.UnicoreDirect;
        kernel.AddInstance("server", new ScriptedComponent(), new InstanceOptions { Threading = unicore ? new UnicoreThreadingModel("server") : NativeThreadingModel.Instance });
        var dispatcher = new CalculatorDispatcher(calculator);
        if (unicore && !blocksCpu)
        {
            // A handler that never returns on a unicore server awaits forever: it parks its lightweight thread, not the CPU.
            var asyncDispatcher = new CalculatorAsyncDispatcher(new NeverAnsweringCalculator(calculator));
            return kind switch
            {
                ServerKind.UnicoreThreaded => kernel.Serve("server", "calc", asyncDispatcher),
                ServerKind.UnicorePassive => kernel.ServePassive("server", "calc", asyncDispatcher),
                _ => kernel.ServeDirect("server", "calc", asyncDispatcher),
            };
        }

        return kind switch
        {
            ServerKind.Threaded or ServerKind.UnicoreThreaded => kernel.Serve("server", "calc", dispatcher),
            ServerKind.MultiThreaded => kernel.Serve("server", "calc", dispatcher, threads: 3),
            ServerKind.Passive or ServerKind.UnicorePassive => kernel.ServePassive("server", "calc", dispatcher),
            _ => kernel.ServeDirect("server", "calc", dispatcher),
        };
    }

    /// <summary>A native caller on a thread of its own: what its one call returned or the fault it got.</summary>
    private sealed class CallerThread
    {
        private readonly Thread _thread;
        private volatile bool _started;

        private CallerThread(Endpoint endpoint) => _thread = new Thread(() =>
        {
            _started = true;
            Result = Record(() => new CalculatorClient(endpoint, badge: 1).Add(1, 2));
        }) { IsBackground = true };

        public bool Started => _started;

        public object? Result { get; private set; }

        public static CallerThread Start(Endpoint endpoint)
        {
            var caller = new CallerThread(endpoint);
            caller._thread.Start();
            return caller;
        }

        public bool Join(TimeSpan timeout) => _thread.Join(timeout);
    }

    /// <summary>Add runs <paramref name="block"/> first: it blocks its thread (or, on a unicore server, its CPU).</summary>
    private sealed class BlockingCalculator(Action block) : StubCalculator
    {
        public Action Block => block;

        public override int Add(int a, int b)
        {
            block();
            return a + b;
        }
    }

    /// <summary>An awaitable Add that counts as entered and then awaits until <see cref="BlockingCalculator"/>'s block would have returned, off the CPU.</summary>
    private sealed class NeverAnsweringCalculator(ICalculator blocking) : StubAsyncCalculator
    {
        public override async ValueTask<int> AddAsync(int a, int b) =>
            await Task.Run(() => blocking.Add(a, b));
    }
}
