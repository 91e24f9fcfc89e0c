using System.Buffers.Binary;
using System.Net;
using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using UxRt.Camkes.Benchmarks.Runtime.Bare;
using UxRt.Camkes.Remote.Glue;
using UxRt.Camkes.Remote;
using UxRt.Camkes.Runtime.Glue;

namespace UxRt.Camkes.Benchmarks.Runtime;

/// <summary>
/// One seL4RPCDataport call of <c>int add(int, int)</c> from one node to another over loopback
/// (two <see cref="RemoteNode"/>s in this process, the server on its interface thread) against
/// the bare gRPC unary call of the same bytes on the same kind of Kestrel server (baseline), and
/// the same call within one process (the interface thread, no network). A passive server (its
/// handler on the request's thread, as the bare server computes) separates the transport's cost
/// from the hand-off to the interface thread. Blocking calls from the
/// benchmark thread throughout; each invocation makes <see cref="Calls"/> calls.
/// </summary>
[InvocationCount(16)]
public class RemoteCallBenchmarks
{
    private const int Calls = 100;

    private RemoteNode? _core;
    private RemoteNode? _edge;
    private HandWrittenServer? _served;
    private HandWrittenServer? _servedInProcess;
    private IAdder _remote = null!;
    private IAdder _remotePassive = null!;
    private IAdder _inProcess = null!;

    private WebApplication? _bareServer;
    private GrpcChannel? _bareChannel;
    private IAdder _bare = null!;

    [GlobalSetup]
    public void Setup()
    {
        var anyPort = new Uri("http://127.0.0.1:0");
        _core = new RemoteNode(new RemoteNodeOptions { SystemName = "Bench", Node = "core", Urls = new Dictionary<string, Uri> { ["core"] = anyPort }, Secret = "bench" });
        _core.StartAsync().GetAwaiter().GetResult();
        _served = new HandWrittenServer(new MessageAdderDispatcher(new PlainAdder()));
        _core.ExportEndpoint("caller_adder", "server", "adder", _served.Endpoint, new RemoteCaller("edge", 1));
        _core.ExportEndpoint("caller_passive", "passive", "adder", new PassiveEndpoint("passive", "adder", new MessageAdderDispatcher(new PlainAdder())), new RemoteCaller("edge", 1));
        _core.Open();

        // Edge dials core where it actually listens (core was given port 0).
        _edge = new RemoteNode(new RemoteNodeOptions { SystemName = "Bench", Node = "edge", Urls = new Dictionary<string, Uri> { ["core"] = _core.ListenUri!, ["edge"] = anyPort }, Secret = "bench" });
        _remote = new MessageAdderClient(_edge.ImportEndpoint("caller_adder", "core", "server", "adder", ["add"]), badge: 1);
        _remotePassive = new MessageAdderClient(_edge.ImportEndpoint("caller_passive", "core", "passive", "adder", ["add"]), badge: 1);

        _servedInProcess = new HandWrittenServer(new MessageAdderDispatcher(new PlainAdder()));
        _inProcess = new MessageAdderClient(_servedInProcess.Endpoint, badge: 1);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddRouting();
        builder.Services.AddGrpc();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        _bareServer = builder.Build();
        _bareServer.UseRouting();
        _bareServer.MapGrpcService<BareAdderService>();
        _bareServer.StartAsync().GetAwaiter().GetResult();
        _bareChannel = GrpcChannel.ForAddress(_bareServer.Urls.First());
        _bare = new BareAdderClient(new BareAdder.BareAdderClient(_bareChannel));

        // Both connections made before the first iteration.
        _remote.Add(1, 1);
        _remotePassive.Add(1, 1);
        _bare.Add(1, 1);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _edge?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _core?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _served?.Dispose();
        _servedInProcess?.Dispose();
        _bareChannel?.Dispose();
        _bareServer?.StopAsync().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls, Description = "bare gRPC unary call, same bytes (baseline)")]
    public int BareGrpc() => CallMany(_bare);

    [Benchmark(OperationsPerInvoke = Calls, Description = "seL4RPCDataport to another node (RemoteNode)")]
    public int RemoteNodeCall() => CallMany(_remote);

    [Benchmark(OperationsPerInvoke = Calls, Description = "seL4RPCDataport to another node, passive server (no interface thread)")]
    public int RemoteNodePassiveCall() => CallMany(_remotePassive);

    [Benchmark(OperationsPerInvoke = Calls, Description = "seL4RPCDataport in one process (interface thread)")]
    public int InProcessCall() => CallMany(_inProcess);

    private static int CallMany(IAdder adder)
    {
        var sum = 0;
        for (var i = 0; i < Calls; i++)
        {
            sum += adder.Add(i, 1);
        }

        return sum;
    }
}

/// <summary>The seL4RPCDataport client of <c>int add(int, int)</c>, as the generator writes it.</summary>
public sealed class MessageAdderClient(Endpoint endpoint, int badge) : IAdder
{
    private readonly MessageFrame _frame = new() { Method = 0, Badge = badge };

    public int Add(int a, int b)
    {
        var message = _frame.Message;
        message.Rewind();
        message.Write(a);
        message.Write(b);
        endpoint.Call(_frame);
        message.Rewind();
        return message.Read<int>();
    }
}

/// <summary>The seL4RPCDataport server of <c>int add(int, int)</c>, as the generator writes it.</summary>
public sealed class MessageAdderDispatcher(IAdder implementation) : ICallDispatcher
{
    public string MethodName(int index) => "add";

    public void Dispatch(CallFrame frame)
    {
        var message = ((MessageFrame)frame).Message;
        message.Rewind();
        var sum = implementation.Add(message.Read<int>(), message.Read<int>());
        message.Rewind();
        message.Write(sum);
    }
}

/// <summary>The baseline's client: the same 8 bytes in and 4 out as the dataport call, in a plain gRPC message.</summary>
public sealed class BareAdderClient(BareAdder.BareAdderClient client) : IAdder
{
    private readonly byte[] _arguments = new byte[8];

    public int Add(int a, int b)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_arguments, a);
        BinaryPrimitives.WriteInt32LittleEndian(_arguments.AsSpan(4), b);
        var reply = client.Add(new BareMessage { Payload = UnsafeByteOperations.UnsafeWrap(_arguments) });
        return BinaryPrimitives.ReadInt32LittleEndian(reply.Payload.Span);
    }
}

/// <summary>The baseline's server: adds on the request's thread.</summary>
public sealed class BareAdderService : BareAdder.BareAdderBase
{
    private static readonly PlainAdder Adder = new();

    public override Task<BareMessage> Add(BareMessage request, ServerCallContext context)
    {
        var span = request.Payload.Span;
        var sum = Adder.Add(BinaryPrimitives.ReadInt32LittleEndian(span), BinaryPrimitives.ReadInt32LittleEndian(span[4..]));
        var reply = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(reply, sum);
        return Task.FromResult(new BareMessage { Payload = UnsafeByteOperations.UnsafeWrap(reply) });
    }
}
