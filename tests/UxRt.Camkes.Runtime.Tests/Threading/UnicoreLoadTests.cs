using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Tests.Threading;

/// <summary>Many calls through a virtual CPU: each answered exactly once, with the right result, and none lost or doubled.</summary>
[Collection(HeavyLoad.Name)]
public sealed class UnicoreLoadTests
{
    // Generous: 800,000 round trips through one CPU thread on a busy 2-core machine take a while, but never forever.
    private static readonly TimeSpan LoadBound = TimeSpan.FromMinutes(5);

    [Fact]
    public void Eight_native_clients_making_100_000_calls_each_into_a_unicore_server_are_each_answered_exactly_once()
    {
        const int Clients = 8;
        const int CallsEach = 100_000;
        using var kernel = new SystemKernel("unicore load");
        var model = new UnicoreThreadingModel("server");
        kernel.AddInstance("server", new ScriptedComponent(), new InstanceOptions { Threading = model });
        var ledger = new CallLedger(Clients, CallsEach);
        var endpoint = kernel.Serve("server", "calc", new CalculatorDispatcher(ledger));
        var answered = new int[Clients];

        kernel.Start();
        Bounded.RunThreads(LoadBound, Enumerable.Range(1, Clients).Select(client => (Action)(() =>
        {
            var calculator = new CalculatorClient(endpoint, badge: client);
            for (var call = 0; call < CallsEach; call++)
            {
                if (calculator.Add(call, client) == call + client)
                {
                    answered[client - 1]++;
                }
            }
        })).ToArray());
        Assert.Empty(kernel.Stop());

        Assert.All(answered, count => Assert.Equal(CallsEach, count));
        Assert.Equal(Clients * CallsEach, ledger.Handled);
        Assert.Equal(0, ledger.NotExactlyOnce());
        Assert.Equal([model.Cpu.ThreadId], ledger.ThreadIds);
    }

    [Theory]
    [InlineData(EndpointKind.Threaded)]
    [InlineData(EndpointKind.Passive)]
    [InlineData(EndpointKind.Direct)]
    public void Lightweight_clients_making_awaited_calls_into_a_native_server_are_each_answered_exactly_once(EndpointKind kind) =>
        LightweightClientsCall(kind, unicoreServer: false);

    [Theory]
    [InlineData(EndpointKind.Threaded)]
    [InlineData(EndpointKind.Passive)]
    [InlineData(EndpointKind.Direct)]
    public void Lightweight_clients_making_awaited_calls_into_a_unicore_server_are_each_answered_exactly_once(EndpointKind kind) =>
        LightweightClientsCall(kind, unicoreServer: true);

    // Four lightweight threads of one unicore client, 10,000 awaited calls each.
    private static void LightweightClientsCall(EndpointKind kind, bool unicoreServer)
    {
        const int Clients = 4;
        const int CallsEach = 10_000;
        using var kernel = new SystemKernel("lightweight load");
        var serverModel = unicoreServer ? new UnicoreThreadingModel("server") : null;
        kernel.AddInstance("server", new ScriptedComponent(), new InstanceOptions { Threading = serverModel ?? (IThreadingModel)NativeThreadingModel.Instance });
        var ledger = new CallLedger(Clients, CallsEach);
        var endpoint = kernel.Serve(kind, "server", "calc", new CalculatorDispatcher(ledger));
        var clientModel = new UnicoreThreadingModel("client");
        var answered = new int[Clients];
        var resumedOffCpu = 0;
        kernel.AddInstance("client", new ScriptedComponent
        {
            OnRunAsync = self => Task.WhenAll(Enumerable.Range(1, Clients).Select(client => self.StartThread($"caller{client}", async () =>
            {
                var calculator = new CalculatorAsyncClient(endpoint, badge: client);
                for (var call = 0; call < CallsEach; call++)
                {
                    var sum = await calculator.AddAsync(call, client);
                    if (!clientModel.Cpu.IsCurrent)
                    {
                        Interlocked.Increment(ref resumedOffCpu);
                    }

                    if (sum == call + client)
                    {
                        answered[client - 1]++;
                    }
                }
            }))),
        }, new InstanceOptions { HasControl = true, Threading = clientModel });

        kernel.Start();

        Assert.True(kernel.WaitForControlThreads(LoadBound), "the calls did not all complete");
        Assert.Empty(kernel.Stop());
        Assert.DoesNotContain(kernel.Faults, f => f.Exception is not CpuHeldTooLongException);
        Assert.Equal(0, resumedOffCpu);
        Assert.All(answered, count => Assert.Equal(CallsEach, count));
        Assert.Equal(Clients * CallsEach, ledger.Handled);
        Assert.Equal(0, ledger.NotExactlyOnce());
        if (serverModel is not null)
        {
            Assert.Equal([serverModel.Cpu.ThreadId], ledger.ThreadIds);
        }
        else
        {
            Assert.DoesNotContain(clientModel.Cpu.ThreadId, ledger.ThreadIds);
        }
    }

    /// <summary>
    /// Answers <c>add</c> and counts each (sender, call) pair it saw. On a unicore server the counts
    /// are plain increments: only one thread ever runs the handler, or they would come out wrong.
    /// </summary>
    private sealed class CallLedger(int clients, int callsEach) : StubCalculator
    {
        private readonly int[][] _seen = Enumerable.Range(0, clients).Select(_ => new int[callsEach]).ToArray();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<int, byte> _threadIds = new();
        private readonly object _nativeGate = new();
        private int _handled;

        public int Handled => Volatile.Read(ref _handled);

        public IReadOnlyCollection<int> ThreadIds => _threadIds.Keys.ToArray();

        public int NotExactlyOnce() => _seen.Sum(calls => calls.Count(count => count != 1));

        public override int Add(int call, int client)
        {
            _threadIds.TryAdd(Environment.CurrentManagedThreadId, 0);
            if (VirtualCpu.Current is null)
            {
                // A native direct server runs its callers' calls concurrently, as in CAmkES.
                lock (_nativeGate)
                {
                    Count(call);
                }
            }
            else
            {
                Count(call);
            }

            return call + client;
        }

        private void Count(int call)
        {
            _seen[CallContext.SenderBadge - 1][call]++;
            _handled++;
        }
    }
}
