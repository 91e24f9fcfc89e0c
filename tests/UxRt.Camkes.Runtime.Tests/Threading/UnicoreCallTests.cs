using System.Collections.Concurrent;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Tests.Threading;

/// <summary>
/// Calls made by a unicore component: awaited, answered correctly whatever the connector and the
/// server's threading, with the handler on the server's side and the continuation back on the
/// caller's CPU thread.
/// </summary>
public sealed class UnicoreCallTests
{
    public static TheoryData<EndpointKind, bool> Connections => new()
    {
        { EndpointKind.Threaded, false },
        { EndpointKind.Passive, false },
        { EndpointKind.Direct, false },
        { EndpointKind.Threaded, true },
        { EndpointKind.Passive, true },
        { EndpointKind.Direct, true },
    };

    [Theory]
    [MemberData(nameof(Connections))]
    public void A_unicore_client_gets_every_result_and_fault_back_on_its_own_cpu_thread(EndpointKind kind, bool unicoreServer)
    {
        using var kernel = new SystemKernel("unicore client");
        var serverModel = unicoreServer ? new UnicoreThreadingModel("server") : null;
        kernel.AddInstance("server", new ScriptedComponent(), new InstanceOptions { Threading = serverModel ?? (IThreadingModel)NativeThreadingModel.Instance });
        var handlerThreads = new ConcurrentQueue<int>();
        var endpoint = kernel.Serve(kind, "server", "calc", new CalculatorDispatcher(new ThreadNotingCalculator(handlerThreads)));
        var clientModel = new UnicoreThreadingModel("client");
        var continuations = new List<int>();
        var results = new List<object>();
        kernel.AddInstance("client", new ScriptedComponent
        {
            OnRunAsync = async _ =>
            {
                var calculator = new CalculatorAsyncClient(endpoint, badge: 7);
                results.Add(await calculator.AddAsync(20, 22));
                continuations.Add(Environment.CurrentManagedThreadId);
                results.Add(await calculator.GreetAsync("cpu"));
                continuations.Add(Environment.CurrentManagedThreadId);
                results.Add(await calculator.SenderIdAsync());
                continuations.Add(Environment.CurrentManagedThreadId);
                var fault = await Assert.ThrowsAsync<ComponentFaultException>(() => calculator.FailAsync("no").AsTask());
                continuations.Add(Environment.CurrentManagedThreadId);
                results.Add((fault.Instance, fault.Interface, fault.Method, fault.InnerException?.Message));
            },
        }, new InstanceOptions { HasControl = true, Threading = clientModel });

        kernel.Start();

        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));
        Assert.DoesNotContain(kernel.Faults, f => f.Exception is not CpuHeldTooLongException);
        Assert.Equal([42, "hello cpu", 7, ("server", "calc", "fail", "no")], results);
        Assert.Equal(Enumerable.Repeat(clientModel.Cpu.ThreadId, 4), continuations);
        Assert.Equal(4, handlerThreads.Count);
        if (serverModel is not null)
        {
            Assert.All(handlerThreads, id => Assert.Equal(serverModel.Cpu.ThreadId, id));
        }
        else
        {
            // A native server's code never borrows the caller's CPU, whichever connector: its own thread or the thread pool runs it.
            Assert.All(handlerThreads, id => Assert.NotEqual(clientModel.Cpu.ThreadId, id));
        }

        Assert.Empty(kernel.Stop());
    }

    [Theory]
    [InlineData(EndpointKind.Threaded)]
    [InlineData(EndpointKind.Passive)]
    [InlineData(EndpointKind.Direct)]
    public void A_unicore_handler_that_calls_on_to_another_unicore_server_resumes_on_its_own_cpu(EndpointKind kind)
    {
        using var kernel = new SystemKernel("chain");
        var middleModel = new UnicoreThreadingModel("middle");
        var lastModel = new UnicoreThreadingModel("last");
        kernel.AddInstance("last", new ScriptedComponent(), new InstanceOptions { Threading = lastModel });
        var lastThreads = new ConcurrentQueue<int>();
        var intoLast = kernel.Serve(kind, "last", "calc", new CalculatorDispatcher(new ThreadNotingCalculator(lastThreads)));
        kernel.AddInstance("middle", new ScriptedComponent(), new InstanceOptions { Threading = middleModel });
        var middleThreads = new ConcurrentQueue<int>();
        var intoMiddle = kernel.Serve(kind, "middle", "calc", new CalculatorAsyncDispatcher(new ForwardingCalculator(new CalculatorAsyncClient(intoLast, badge: 2), middleThreads)));

        kernel.Start();
        var sums = new int[4];
        Bounded.RunThreads(Enumerable.Range(0, sums.Length).Select(i => (Action)(() => sums[i] = new CalculatorClient(intoMiddle, badge: 1).Add(i, 100))).ToArray());

        Assert.Equal([100, 101, 102, 103], sums);
        Assert.Equal(sums.Length * 2, middleThreads.Count);
        Assert.All(middleThreads, id => Assert.Equal(middleModel.Cpu.ThreadId, id));
        Assert.Equal(sums.Length, lastThreads.Count);
        Assert.All(lastThreads, id => Assert.Equal(lastModel.Cpu.ThreadId, id));
        Assert.Empty(kernel.Stop());
    }

    [Fact]
    public void Several_unicore_clients_calling_one_unicore_server_each_resume_on_their_own_cpu()
    {
        const int Clients = 4;
        const int CallsEach = 1_000;
        using var kernel = new SystemKernel("many unicore clients");
        var serverModel = new UnicoreThreadingModel("server");
        kernel.AddInstance("server", new ScriptedComponent(), new InstanceOptions { Threading = serverModel });
        var handlerThreads = new ConcurrentDictionary<int, byte>();
        var endpoint = kernel.Serve("server", "calc", new CalculatorDispatcher(new ThreadNotingCalculator(handlerThreads)));
        var clientModels = Enumerable.Range(0, Clients).Select(i => new UnicoreThreadingModel($"client{i}")).ToArray();
        var wrong = new int[Clients];
        var offCpu = new int[Clients];
        for (var i = 0; i < Clients; i++)
        {
            var client = i;
            kernel.AddInstance($"client{client}", new ScriptedComponent
            {
                OnRunAsync = async _ =>
                {
                    var calculator = new CalculatorAsyncClient(endpoint, badge: client + 1);
                    for (var call = 0; call < CallsEach; call++)
                    {
                        if (await calculator.AddAsync(call, client) != call + client)
                        {
                            wrong[client]++;
                        }

                        if (Environment.CurrentManagedThreadId != clientModels[client].Cpu.ThreadId)
                        {
                            offCpu[client]++;
                        }
                    }
                },
            }, new InstanceOptions { HasControl = true, Threading = clientModels[client] });
        }

        kernel.Start();

        Assert.True(kernel.WaitForControlThreads(Bounded.Wait));
        Assert.DoesNotContain(kernel.Faults, f => f.Exception is not CpuHeldTooLongException);
        Assert.Equal(new int[Clients], wrong);
        Assert.Equal(new int[Clients], offCpu);
        Assert.Equal([serverModel.Cpu.ThreadId], handlerThreads.Keys);
        Assert.Equal(Clients + 1, clientModels.Select(m => m.Cpu.ThreadId).Append(serverModel.Cpu.ThreadId).Distinct().Count());
        Assert.Empty(kernel.Stop());
    }

    [Theory]
    [InlineData(EndpointKind.Threaded)]
    [InlineData(EndpointKind.Passive)]
    [InlineData(EndpointKind.Direct)]
    public void A_unicore_component_can_await_a_call_into_itself(EndpointKind kind)
    {
        using var kernel = new SystemKernel("self call");
        var model = new UnicoreThreadingModel("self");
        Endpoint? own = null;
        var sum = 0;
        kernel.AddInstance("self", new ScriptedComponent
        {
            OnRunAsync = async _ => sum = await new CalculatorAsyncClient(own!, badge: 1).AddAsync(20, 22),
        }, new InstanceOptions { HasControl = true, Threading = model });
        var handlerThreads = new ConcurrentQueue<int>();
        own = kernel.Serve(kind, "self", "calc", new CalculatorDispatcher(new ThreadNotingCalculator(handlerThreads)));

        kernel.Start();

        Assert.True(kernel.WaitForControlThreads(Bounded.Wait), "the call into itself deadlocked");
        Assert.Equal(42, sum);
        Assert.Equal([model.Cpu.ThreadId], handlerThreads);
        Assert.Empty(kernel.Stop());
    }

    [Fact]
    public void A_call_into_a_stopped_unicore_server_fails_instead_of_hanging()
    {
        using var kernel = new SystemKernel("stopped");
        kernel.AddInstance("server", new ScriptedComponent(), new InstanceOptions { Threading = new UnicoreThreadingModel("server") });
        var endpoints = new[]
        {
            kernel.Serve(EndpointKind.Threaded, "server", "threaded", new CalculatorDispatcher(new Calculator())),
            kernel.Serve(EndpointKind.Passive, "server", "passive", new CalculatorDispatcher(new Calculator())),
            kernel.Serve(EndpointKind.Direct, "server", "direct", new CalculatorDispatcher(new Calculator())),
        };
        kernel.Start();
        Assert.Empty(kernel.Stop());

        Bounded.RunThreads(endpoints.Select(endpoint => (Action)(() =>
            Assert.Contains("stopped", Assert.Throws<ComponentFaultException>(() => new CalculatorClient(endpoint, badge: 1).Add(1, 2)).Message))).ToArray());
    }

    /// <summary>Notes the thread each call ran on.</summary>
    private sealed class ThreadNotingCalculator : StubCalculator
    {
        private readonly Action _note;

        public ThreadNotingCalculator(ConcurrentQueue<int> threads) => _note = () => threads.Enqueue(Environment.CurrentManagedThreadId);

        public ThreadNotingCalculator(ConcurrentDictionary<int, byte> threads) => _note = () => threads.TryAdd(Environment.CurrentManagedThreadId, 0);

        public override int Add(int a, int b)
        {
            _note();
            return a + b;
        }

        public override string Greet(string name)
        {
            _note();
            return "hello " + name;
        }

        public override int SenderId()
        {
            _note();
            return CallContext.SenderBadge;
        }

        public override void Fail(string message)
        {
            _note();
            throw new InvalidOperationException(message);
        }
    }

    /// <summary>Answers <c>add</c> by awaiting the same call to the next server, noting its thread before and after.</summary>
    private sealed class ForwardingCalculator(IAsyncCalculator next, ConcurrentQueue<int> threads) : StubAsyncCalculator
    {
        public override async ValueTask<int> AddAsync(int a, int b)
        {
            threads.Enqueue(Environment.CurrentManagedThreadId);
            var sum = await next.AddAsync(a, b);
            threads.Enqueue(Environment.CurrentManagedThreadId);
            return sum;
        }
    }
}
