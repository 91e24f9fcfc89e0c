using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Synchronisation;
using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Tests.Kernel;

/// <summary>
/// A synchronous call that would close a cycle of waits (calls and mutexes, each waiting for the
/// thread or flow that serves or holds the next) fails at once with a fault naming the cycle,
/// instead of hanging; the calls around it then unwind with faults. Each cycle is built so that
/// the closing call comes last by construction (every other party is already waiting for the one
/// after it), so the outcome never depends on timing; the bound only turns a hang into a failure.
/// </summary>
public sealed class CallDeadlockTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    public static TheoryData<EndpointKind, bool> SerialisedEnds => new()
    {
        { EndpointKind.Threaded, false },
        { EndpointKind.Passive, false },
        { EndpointKind.Threaded, true },
        { EndpointKind.Passive, true },
    };

    // A calls B.x, whose handler calls A.front, whose handler calls B.x again: B.x serves one call
    // at a time and is busy with the first, which waits for A.front, which waits for B.x.
    [Theory]
    [MemberData(nameof(SerialisedEnds))]
    public void A_handler_calling_back_into_the_end_that_is_waiting_for_it_is_refused_naming_the_cycle(EndpointKind kind, bool unicore)
    {
        using var kernel = new SystemKernel("re-entrant");
        var system = new TwoServers(kernel, kind, unicore);
        kernel.Start();

        var fault = CallFromThread("client", () => new CalculatorClient(system.X, badge: 1).Add(2, 0));

        Assert.NotNull(fault);
        var refused = Assert.Single(system.FrontRefusals);
        var bServer = (kind, unicore) switch
        {
            (EndpointKind.Threaded, false) => "thread b.x",
            (EndpointKind.Passive, false) => "thread client",
            (EndpointKind.Threaded, true) => "b.x",
            _ => "a call of b.x",
        };
        var aServer = unicore ? "a.front" : "thread a.front";
        Assert.Equal(
            [
                $"{aServer} waits for a call of b.x.add served by {bServer}",
                $"{bServer} waits for a call of a.front.add served by {aServer}",
            ],
            refused.Cycle);
        Assert.Contains("deadlock refused", refused.Message);
        Assert.Empty(kernel.Stop());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Three_interface_threads_calling_in_a_ring_the_closing_call_is_refused_with_all_three_named(bool unicore)
    {
        using var kernel = new SystemKernel("ring");
        var relays = new Dictionary<string, (Relay Native, AsyncRelay Async)>();
        var ends = new Dictionary<string, Endpoint>();
        foreach (var name in new[] { "a", "b", "c" })
        {
            kernel.AddInstance(name, new ScriptedComponent(), Options(name, unicore));
            relays[name] = (new Relay(), new AsyncRelay());
            ends[name] = unicore
                ? kernel.Serve(name, "x", new CalculatorAsyncDispatcher(relays[name].Async))
                : kernel.Serve(name, "x", new CalculatorDispatcher(relays[name].Native));
        }

        Link(relays, ends, "a", "b");
        Link(relays, ends, "b", "c");
        Link(relays, ends, "c", "a");
        kernel.Start();

        Assert.NotNull(CallFromThread("client", () => new CalculatorClient(ends["a"], badge: 1).Add(3, 0)));

        var refused = Assert.Single(unicore ? relays["c"].Async.Refusals : relays["c"].Native.Refusals);
        var thread = unicore ? string.Empty : "thread ";
        Assert.Equal(
            [
                $"{thread}c.x waits for a call of a.x.add served by {thread}a.x",
                $"{thread}a.x waits for a call of b.x.add served by {thread}b.x",
                $"{thread}b.x waits for a call of c.x.add served by {thread}c.x",
            ],
            refused.Cycle);
        Assert.Empty(relays["a"].Native.Refusals.Concat(relays["a"].Async.Refusals).Concat(relays["b"].Native.Refusals).Concat(relays["b"].Async.Refusals));
        Assert.Empty(kernel.Stop());
    }

    // A's thread holds A's mutex while it calls B.x; B.x calls A.front, whose handler wants the mutex.
    [Fact]
    public void A_native_handler_locking_the_mutex_its_own_caller_holds_across_the_call_is_refused_naming_mutex_and_calls()
    {
        using var kernel = new SystemKernel("mutex and calls");
        var mutex = new ComponentMutex("m", "a");
        var system = new TwoServers(kernel, EndpointKind.Threaded, unicore: false, frontMutex: mutex);
        kernel.Start();

        var fault = CallFromThread("client", () =>
        {
            using (mutex.EnterScope())
            {
                return new CalculatorClient(system.X, badge: 1).Add(2, 0);
            }
        });

        Assert.NotNull(fault);
        var refused = Assert.Single(system.FrontRefusals);
        Assert.Equal(
            [
                "thread a.front waits for mutex 'm' of a held by thread client",
                "thread client waits for a call of b.x.add served by thread b.x",
                "thread b.x waits for a call of a.front.add served by thread a.front",
            ],
            refused.Cycle);
        Assert.Empty(kernel.Stop());
    }

    // The same with every wait an await: A's control thread awaits the mutex and then B.x; A.front awaits the mutex.
    [Fact]
    public void A_unicore_handler_awaiting_the_mutex_its_own_control_thread_holds_across_a_call_is_refused_naming_mutex_and_calls()
    {
        using var kernel = new SystemKernel("awaits");
        var mutex = new ComponentMutex("m", "a");
        var front = new AsyncRelay { Mutex = mutex };
        var b = new Relay();
        Endpoint? x = null;
        ComponentFaultException? fault = null;
        kernel.AddInstance("a", new ScriptedComponent
        {
            OnRunAsync = async _ =>
            {
                using (await mutex.EnterScopeAsync())
                {
                    fault = await Assert.ThrowsAsync<ComponentFaultException>(() => new CalculatorAsyncClient(x!, badge: 1).AddAsync(2, 0).AsTask());
                }
            },
        }, new InstanceOptions { HasControl = true, Threading = new UnicoreThreadingModel("a") });
        var frontEnd = kernel.Serve("a", "front", new CalculatorAsyncDispatcher(front));
        kernel.AddInstance("b", new ScriptedComponent(), new InstanceOptions());
        x = kernel.Serve("b", "x", new CalculatorDispatcher(b));
        var intoFront = new CalculatorClient(frontEnd, badge: 2);
        b.Next = () => intoFront;
        kernel.Start();

        Assert.True(kernel.WaitForControlThreads(Bound), "the cycle was not refused in time");

        Assert.NotNull(fault);
        var refused = Assert.Single(front.Refusals);
        Assert.Equal(
            [
                "a.front waits for mutex 'm' of a held by a.control",
                "a.control waits for a call of b.x.add served by thread b.x",
                "thread b.x waits for a call of a.front.add served by a.front",
            ],
            refused.Cycle);
        Assert.Empty(kernel.Stop());
    }

    public static TheoryData<string> NotDeadlocks => new() { "with 2 threads", "direct", "another interface" };

    // B.x calls A.front, which calls B.x again, as in the re-entrant case, where the second call can
    // go on: a free thread of a `with N threads` end takes it, or it is a direct call, a plain
    // recursion on A.front's thread. Or A.front calls B.x, which calls A.back: another thread of A's serves it.
    [Theory]
    [MemberData(nameof(NotDeadlocks))]
    public void A_call_back_that_something_free_can_serve_is_not_refused(string shape)
    {
        using var kernel = new SystemKernel("no deadlock");
        kernel.AddInstance("a", new ScriptedComponent(), new InstanceOptions());
        kernel.AddInstance("b", new ScriptedComponent(), new InstanceOptions());
        var a = new Relay();
        var aBack = new Relay();
        var b = new Relay();
        var x = shape switch
        {
            "with 2 threads" => kernel.Serve("b", "x", new CalculatorDispatcher(b), threads: 2),
            "direct" => kernel.ServeDirect("b", "x", new CalculatorDispatcher(b)),
            _ => kernel.Serve("b", "x", new CalculatorDispatcher(b)),
        };
        var front = kernel.Serve("a", "front", new CalculatorDispatcher(a));
        var back = kernel.Serve("a", "back", new CalculatorDispatcher(aBack));
        var intoX = new CalculatorClient(x, badge: 1);
        var intoFront = new CalculatorClient(front, badge: 2);
        var intoBack = new CalculatorClient(back, badge: 3);
        a.Next = () => intoX;
        aBack.Next = () => intoX;
        b.Next = shape == "another interface" ? () => intoBack : () => intoFront;
        kernel.Start();

        var sum = -1;
        Bounded.RunThreads(Bound, () => sum = new CalculatorClient(shape == "another interface" ? front : x, badge: 4).Add(2, 0));

        Assert.Equal(3, sum);
        Assert.Empty(a.Refusals.Concat(aBack.Refusals).Concat(b.Refusals));
        Assert.Empty(kernel.Stop());
    }

    [Fact]
    public void Clients_hammering_a_chain_of_threaded_servers_concurrently_are_never_refused()
    {
        const int Clients = 4;
        const int CallsEach = 500;
        using var kernel = new SystemKernel("chain");
        var relays = new[] { new Relay(), new Relay(), new Relay() };
        var ends = new Endpoint[3];
        var names = new[] { "a", "b", "c" };
        for (var i = 0; i < 3; i++)
        {
            kernel.AddInstance(names[i], new ScriptedComponent(), new InstanceOptions());
            ends[i] = kernel.Serve(names[i], "x", new CalculatorDispatcher(relays[i]));
        }

        var intoB = new CalculatorClient(ends[1], badge: 1);
        var intoC = new CalculatorClient(ends[2], badge: 2);
        relays[0].Next = () => intoB;
        relays[1].Next = () => intoC;
        kernel.Start();

        var wrong = 0;
        Bounded.RunThreads(Bounded.Wait, Enumerable.Range(0, Clients).Select(client => (Action)(() =>
        {
            var intoA = new CalculatorClient(ends[0], badge: 10 + client);
            for (var call = 0; call < CallsEach; call++)
            {
                if (intoA.Add(2, call) != call + 3)
                {
                    Interlocked.Increment(ref wrong);
                }
            }
        })).ToArray());

        Assert.Equal(0, wrong);
        Assert.All(relays, relay => Assert.Empty(relay.Refusals));
        Assert.Empty(kernel.Stop());
    }

    private static InstanceOptions Options(string name, bool unicore) =>
        new() { Threading = unicore ? new UnicoreThreadingModel(name) : NativeThreadingModel.Instance };

    // Each relay makes its client once, as generated glue holds one per uses end.
    private static void Link(Dictionary<string, (Relay Native, AsyncRelay Async)> relays, Dictionary<string, Endpoint> ends, string from, string to)
    {
        var native = new CalculatorClient(ends[to], badge: 1);
        var awaitable = new CalculatorAsyncClient(ends[to], badge: 1);
        relays[from].Native.Next = () => native;
        relays[from].Async.Next = () => awaitable;
    }

    // Makes the first call on a thread of the given name; the fault it ends with (null: it returned), within the bound.
    private static ComponentFaultException? CallFromThread(string name, Func<int> call)
    {
        ComponentFaultException? fault = null;
        Bounded.RunThreads(Bound, () =>
        {
            Thread.CurrentThread.Name = name;
            fault = Assert.Throws<ComponentFaultException>(() => call());
        });
        return fault;
    }

    /// <summary>A serving <c>front</c> (threaded), B serving <c>x</c> (<paramref name="kind"/>); B.x calls A.front and A.front calls B.x.</summary>
    private sealed class TwoServers
    {
        private readonly Relay _front;
        private readonly AsyncRelay _frontAsync;

        public TwoServers(SystemKernel kernel, EndpointKind kind, bool unicore, ComponentMutex? frontMutex = null)
        {
            _front = new Relay { Mutex = frontMutex };
            _frontAsync = new AsyncRelay { Mutex = frontMutex };
            var b = new Relay();
            var bAsync = new AsyncRelay();
            kernel.AddInstance("a", new ScriptedComponent(), Options("a", unicore));
            kernel.AddInstance("b", new ScriptedComponent(), Options("b", unicore));
            var front = unicore
                ? kernel.Serve("a", "front", new CalculatorAsyncDispatcher(_frontAsync))
                : kernel.Serve("a", "front", new CalculatorDispatcher(_front));
            X = unicore
                ? kernel.Serve(kind, "b", "x", new CalculatorAsyncDispatcher(bAsync))
                : kernel.Serve(kind, "b", "x", new CalculatorDispatcher(b));
            var intoX = new CalculatorClient(X, badge: 2);
            var intoXAsync = new CalculatorAsyncClient(X, badge: 2);
            var intoFront = new CalculatorClient(front, badge: 3);
            var intoFrontAsync = new CalculatorAsyncClient(front, badge: 3);
            _front.Next = () => intoX;
            _frontAsync.Next = () => intoXAsync;
            b.Next = () => intoFront;
            bAsync.Next = () => intoFrontAsync;
        }

        public Endpoint X { get; }

        public IEnumerable<DeadlockException> FrontRefusals => _front.Refusals.Concat(_frontAsync.Refusals);
    }
}
