using UxRt.Camkes.Runtime.Glue;

namespace UxRt.Camkes.Runtime.Tests.Support;

public enum EndpointKind
{
    Threaded,
    Passive,
    Direct,
}

/// <summary>An endpoint of each kind with its server running, closed (and its interface thread joined) on dispose.</summary>
internal sealed class ServedEndpoint : IDisposable
{
    private readonly Thread? _interfaceThread;

    private ServedEndpoint(Endpoint endpoint, Thread? interfaceThread)
    {
        Endpoint = endpoint;
        _interfaceThread = interfaceThread;
    }

    public Endpoint Endpoint { get; }

    public Thread? InterfaceThread => _interfaceThread;

    public static ServedEndpoint Start(EndpointKind kind, ICallDispatcher dispatcher, string instance = "server", string interfaceName = "calc")
    {
        switch (kind)
        {
            case EndpointKind.Threaded:
                var threaded = new ThreadedEndpoint(instance, interfaceName, dispatcher);
                var thread = new Thread(threaded.Serve) { IsBackground = true, Name = $"{instance}.{interfaceName}" };
                thread.Start();
                return new ServedEndpoint(threaded, thread);
            case EndpointKind.Passive:
                return new ServedEndpoint(new PassiveEndpoint(instance, interfaceName, dispatcher), null);
            default:
                return new ServedEndpoint(new DirectEndpoint(instance, interfaceName, dispatcher), null);
        }
    }

    public void Dispose()
    {
        Endpoint.Close();
        if (_interfaceThread is not null)
        {
            Assert.True(_interfaceThread.Join(Bounded.Wait), "the interface thread did not stop");
        }
    }
}
