using UxRt.Camkes.Runtime.Kernel;

namespace UxRt.Camkes.Runtime.Hosting;

/// <summary>
/// What carries a hosted node's connections to the system's other nodes (UxRt.Camkes.Remote
/// registers one). The hosted service calls it around the kernel's own lifecycle: connect before
/// the node's part of the system is built, open once it runs, leave once it has stopped.
/// </summary>
public interface INodeLink
{
    /// <summary>Starts listening for the other nodes, before <paramref name="node"/>'s part of the system is built.</summary>
    Task ConnectAsync(string node, CancellationToken cancellationToken);

    /// <summary>
    /// Accepts the other nodes' calls into the running <paramref name="kernel"/>; a node without
    /// control threads asks the kernel to stop once nobody can call it any more.
    /// </summary>
    void Open(SystemKernel kernel);

    /// <summary>Tells the other nodes this one has gone, after its last component has run.</summary>
    Task LeaveAsync(CancellationToken cancellationToken);
}
