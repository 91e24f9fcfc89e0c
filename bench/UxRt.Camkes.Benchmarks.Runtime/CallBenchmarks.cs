using System.Runtime.CompilerServices;
using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using UxRt.Camkes.Runtime.Glue;

namespace UxRt.Camkes.Benchmarks.Runtime;

/// <summary>
/// One client's call through the glue generated from Bench.camkes that stays on the caller's
/// thread (passive seL4RPCCall, seL4DirectCall) against what a user would write instead: the
/// implementation called through its interface (not inlined, result consumed). Each invocation
/// makes <see cref="Calls"/> calls, so figures are per call.
/// </summary>
public class CallBenchmarks
{
    private const int Calls = 1_000;

    private BenchInstances _system = null!;
    private IAdder _plain = null!;
    private IAdder _passive = null!;
    private IAdder _direct = null!;
    private IAdder _handWrittenDirect = null!;

    [GlobalSetup]
    public void Setup()
    {
        _plain = new PlainAdder();
        _handWrittenDirect = new HandWrittenClient(new UxRt.Camkes.Runtime.Glue.DirectEndpoint("server", "adder", new HandWrittenDispatcher(new PlainAdder())));
        _system = new BenchInstances();
        var caller = _system.Get<Caller>("caller");
        _passive = caller.PassiveEnd;
        _direct = caller.DirectEnd;
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls, Description = "interface call (baseline)")]
    public int InterfaceCall() => CallMany(_plain);

    [Benchmark(OperationsPerInvoke = Calls, Description = "seL4DirectCall")]
    public int DirectCall() => CallMany(_direct);

    [Benchmark(OperationsPerInvoke = Calls, Description = "passive seL4RPCCall")]
    public int PassiveCall() => CallMany(_passive);

    [Benchmark(OperationsPerInvoke = Calls, Description = "DirectEndpoint, client written by hand")]
    public int HandWrittenDirectCall() => CallMany(_handWrittenDirect);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int CallMany(IAdder adder)
    {
        var sum = 0;
        for (var i = 0; i < Calls; i++)
        {
            sum += adder.Add(i, 1);
        }

        return sum;
    }
}

/// <summary>
/// One client's seL4RPCCall to a server's interface thread, through the glue generated from
/// Bench.camkes, against the cross-thread request/reply a user would write by hand, in the same
/// run: two <see cref="SemaphoreSlim"/>s, a pair of channels, and two threads spinning on a shared
/// word (the floor for crossing threads). Each hand-written loop runs between the same two kinds
/// of thread as the call (the benchmark thread and a dedicated server thread); the channel ends
/// wait synchronously, so that the request crosses threads as the call's does (with async ends
/// the continuations run wherever the thread pool puts them). The baseline is the seL4RPCCall, so a ratio of 2 means the
/// hand-written loop takes twice as long. seL4RPCDataport is compared with a plain interface call.
/// Each invocation makes <see cref="Calls"/> calls; the invocation count is fixed so that an
/// iteration stays short when the threads lose their cores (a call then takes microseconds, not
/// a fraction of one).
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[InvocationCount(64)]
public class CrossThreadCallBenchmarks
{
    private const int Calls = 1_000;
    private const string VersusInterface = "against an interface call";
    private const string CrossThread = "against hand-written request/reply";

    private BenchInstances? _system;
    private IAdder _plain = null!;
    private IAdder _rpc = null!;
    private IAdder _marshalled = null!;

    private HandWrittenServer? _handWritten;
    private IAdder _handWrittenRpc = null!;
    private Thread? _echo;
    private volatile bool _stopping;

    private SemaphoreSlim _request = null!;
    private SemaphoreSlim _reply = null!;
    private int _argument;
    private int _result;

    private Channel<int> _requests = null!;
    private Channel<int> _replies = null!;

    private PaddedWord _spinRequest;
    private PaddedWord _spinReply;

    [GlobalSetup]
    public void Setup()
    {
        _plain = new PlainAdder();
        _system = new BenchInstances();
        var caller = _system.Get<Caller>("caller");
        _rpc = caller.RpcEnd;
        _marshalled = caller.MarshalledEnd;
    }

    [GlobalSetup(Target = nameof(HandWrittenThreadedCall))]
    public void SetupHandWritten()
    {
        Setup();
        _handWritten = new HandWrittenServer(new PlainAdder());
        _handWrittenRpc = new HandWrittenClient(_handWritten.Endpoint);
    }

    [GlobalSetup(Target = nameof(SemaphoreSlimRequestReply))]
    public void SetupSemaphores()
    {
        Setup();
        _request = new SemaphoreSlim(0);
        _reply = new SemaphoreSlim(0);
        StartEcho(() =>
        {
            while (true)
            {
                _request.Wait();
                if (_stopping)
                {
                    return;
                }

                _result = _plain.Add(_argument, 1);
                _reply.Release();
            }
        });
    }

    [GlobalSetup(Target = nameof(ChannelRequestReply))]
    public void SetupChannels()
    {
        Setup();
        var options = new UnboundedChannelOptions { SingleReader = true, SingleWriter = true };
        _requests = Channel.CreateUnbounded<int>(options);
        _replies = Channel.CreateUnbounded<int>(options);
        StartEcho(() =>
        {
            var reader = _requests.Reader;
            while (Await(reader.WaitToReadAsync()))
            {
                while (reader.TryRead(out var request))
                {
                    _replies.Writer.TryWrite(_plain.Add(request, 1));
                }
            }
        });
    }

    [GlobalSetup(Target = nameof(SpinRequestReply))]
    public void SetupSpin()
    {
        Setup();
        StartEcho(() =>
        {
            var seen = 0;
            while (!_stopping)
            {
                var request = Volatile.Read(ref _spinRequest.Value);
                if (request == seen)
                {
                    Thread.SpinWait(1);
                    continue;
                }

                seen = request;
                Volatile.Write(ref _spinReply.Value, _plain.Add(request, 0));
            }
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stopping = true;
        _request?.Release();
        _requests?.Writer.TryComplete();
        _echo?.Join();
        _handWritten?.Dispose();
        _system?.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls, Description = "interface call (baseline)")]
    [BenchmarkCategory(VersusInterface)]
    public int InterfaceCall() => CallBenchmarks.CallMany(_plain);

    [Benchmark(OperationsPerInvoke = Calls, Description = "seL4RPCDataport (interface thread)")]
    [BenchmarkCategory(VersusInterface)]
    public int MarshalledCall() => CallBenchmarks.CallMany(_marshalled);

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls, Description = "seL4RPCCall (interface thread)")]
    [BenchmarkCategory(CrossThread)]
    public int ThreadedCall() => CallBenchmarks.CallMany(_rpc);

    [Benchmark(OperationsPerInvoke = Calls, Description = "ThreadedEndpoint, client written by hand")]
    [BenchmarkCategory(CrossThread)]
    public int HandWrittenThreadedCall() => CallBenchmarks.CallMany(_handWrittenRpc);

    [Benchmark(OperationsPerInvoke = Calls, Description = "two SemaphoreSlim request/reply")]
    [BenchmarkCategory(CrossThread)]
    public int SemaphoreSlimRequestReply()
    {
        var sum = 0;
        for (var i = 0; i < Calls; i++)
        {
            _argument = i;
            _request.Release();
            _reply.Wait();
            sum += _result;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Calls, Description = "two Channel<int> request/reply")]
    [BenchmarkCategory(CrossThread)]
    public int ChannelRequestReply()
    {
        var sum = 0;
        for (var i = 0; i < Calls; i++)
        {
            _requests.Writer.TryWrite(i);
            sum += Await(_replies.Reader.ReadAsync());
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Calls, Description = "two threads spinning (floor)")]
    [BenchmarkCategory(CrossThread)]
    public int SpinRequestReply()
    {
        var sum = 0;
        var next = Volatile.Read(ref _spinRequest.Value);
        for (var i = 0; i < Calls; i++)
        {
            next++;
            Volatile.Write(ref _spinRequest.Value, next);
            var spinner = 0;
            while (Volatile.Read(ref _spinReply.Value) != next)
            {
                Thread.SpinWait(1);
                if (++spinner == 1_000_000)
                {
                    // The echo thread lost its core: give it ours rather than spin a whole time slice.
                    Thread.Yield();
                    spinner = 0;
                }
            }

            sum += next;
        }

        return sum;
    }

    // A native thread waits for a channel as a user's blocking code would: at once when the value
    // is there, else through a task (the only allocation of the channel baseline).
    private static T Await<T>(ValueTask<T> pending) =>
        pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();

    private void StartEcho(ThreadStart body)
    {
        _echo = new Thread(body) { IsBackground = true, Name = "echo" };
        _echo.Start();
    }

    // One word per cache line, so the two spinning threads do not share a line by accident.
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Explicit, Size = 128)]
    private struct PaddedWord
    {
        [System.Runtime.InteropServices.FieldOffset(64)]
        public int Value;
    }
}
