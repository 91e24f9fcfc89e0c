using UxRt.Camkes.Runtime.Dataports;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Threading;
using UxRt.Camkes.Runtime.Transport;

namespace UxRt.Camkes.Runtime.Tests.Transport;

/// <summary>How the server of a transport path runs.</summary>
public enum ServerKind
{
    /// <summary>A native server on its interface thread.</summary>
    Threaded,

    /// <summary>A native server on the caller's thread (<c>_passive</c>).</summary>
    Passive,

    /// <summary>A unicore server on its virtual CPU, whose handler awaits.</summary>
    Unicore,
}

/// <summary>
/// A server serving <see cref="MemoryFiles"/> at a few paths (read-write, read-only, write-only)
/// and a native client connected to each, wired as the generated glue does.
/// </summary>
internal sealed class TransportRig : IDisposable
{
    public const int BufferSize = 4096;

    private TransportRig(SystemKernel kernel, MemoryFiles files, Dictionary<string, TransportClient> clients, TransportEndpoint endpoint)
    {
        Kernel = kernel;
        Files = files;
        Clients = clients;
        ReadWriteEndpoint = endpoint;
    }

    public SystemKernel Kernel { get; }

    public MemoryFiles Files { get; }

    public Dictionary<string, TransportClient> Clients { get; }

    public TransportEndpoint ReadWriteEndpoint { get; }

    public TransportClient ReadWrite => Clients["/srv/fs/rw"];

    public TransportClient ReadOnly => Clients["/srv/fs/ro"];

    public TransportClient WriteOnly => Clients["/srv/fs/wo"];

    public TransportNamespace Namespace => new("client", Clients.Values);

    /// <summary>Builds and starts the rig; <paramref name="client"/>, when given, is the client instance (a unicore one, say).</summary>
    public static TransportRig Start(ServerKind kind, ScriptedComponent? client = null, InstanceOptions? clientOptions = null, int bufferSize = BufferSize)
    {
        var kernel = new SystemKernel("transport");
        var threading = kind == ServerKind.Unicore ? new UnicoreThreadingModel("server") : (IThreadingModel)NativeThreadingModel.Instance;
        kernel.AddInstance("server", new ScriptedComponent(), new InstanceOptions { Threading = threading });
        kernel.AddInstance("client", client ?? new ScriptedComponent(), clientOptions ?? new InstanceOptions());
        var files = new MemoryFiles();
        var clients = new Dictionary<string, TransportClient>(StringComparer.Ordinal);
        TransportEndpoint? readWrite = null;
        foreach (var (name, access) in new[] { ("rw", DataportAccess.ReadWrite), ("ro", DataportAccess.Read), ("wo", DataportAccess.Write) })
        {
            var path = "/srv/fs/" + name;
            var endpoint = kind == ServerKind.Unicore
                ? TransportWiring.Serve(kernel, "server", name, path, (ITransportAsyncHandler)files, access)
                : TransportWiring.Serve(kernel, "server", name, path, (ITransportHandler)files, access, passive: kind == ServerKind.Passive);
            readWrite ??= endpoint;
            clients[path] = TransportWiring.Connect(kernel, endpoint, "client", name, badge: 9, bufferSize: bufferSize);
        }

        var rig = new TransportRig(kernel, files, clients, readWrite!);
        kernel.Start();
        return rig;
    }

    public void Dispose() => Kernel.Dispose();
}
