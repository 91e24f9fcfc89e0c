using System.Collections.Concurrent;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using UxRt.Camkes.Remote.Protocol;

namespace UxRt.Camkes.Remote.Tests.Support;

/// <summary>
/// An impostor: a process listening on a node's port without that node's keys, as an attacker on
/// the same host would. It keeps every request it receives (to replay them at the real node) and
/// answers each call with a forged result, <see cref="ForgedSum"/>.
/// </summary>
internal sealed class FakeNode : IAsyncDisposable
{
    public const int ForgedSum = 999;

    private readonly WebApplication _app;

    private FakeNode(WebApplication app, ConcurrentQueue<CallRequest> calls, Uri url)
    {
        _app = app;
        Calls = calls;
        Url = url;
    }

    /// <summary>Where it listens: the address a real node's callers were told to dial.</summary>
    public Uri Url { get; }

    /// <summary>The calls it received, credentials and all.</summary>
    public ConcurrentQueue<CallRequest> Calls { get; }

    public static async Task<FakeNode> StartAsync(Uri url)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddRouting();
        builder.Services.AddGrpc();
        var calls = new ConcurrentQueue<CallRequest>();
        builder.Services.AddSingleton(calls);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.ListenLocalhost(url.Port, listen => listen.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        var fake = new FakeNode(app, calls, url);
        app.UseRouting();
        app.MapGrpcService<ForgingService>();
        await app.StartAsync();
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class ForgingService(ConcurrentQueue<CallRequest> calls) : Protocol.Node.NodeBase
    {
        public override Task<CallResponse> Call(CallRequest request, ServerCallContext context)
        {
            calls.Enqueue(request);

            // What a forger can send: a plausible result, and a MAC it can only guess.
            var forged = new byte[MessageAuthentication.MacLength];
            Random.Shared.NextBytes(forged);
            return Task.FromResult(new CallResponse { Payload = ByteString.CopyFrom(BitConverter.GetBytes(ForgedSum)), Mac = ByteString.CopyFrom(forged) });
        }
    }
}
