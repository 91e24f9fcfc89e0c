using Grpc.Net.Client;
using UxRt.Camkes.Remote.Protocol;

namespace UxRt.Camkes.Remote.Tests.Support;

/// <summary>A bare gRPC client of a node's service: sends whatever request a test (an attacker) makes, bypassing every check a real node does on its side.</summary>
internal sealed class RawNodeClient : IDisposable
{
    private readonly GrpcChannel _channel;

    public RawNodeClient(Uri url)
    {
        _channel = GrpcChannel.ForAddress(url);
        Node = new Protocol.Node.NodeClient(_channel);
    }

    public Protocol.Node.NodeClient Node { get; }

    public void Dispose() => _channel.Dispose();
}
