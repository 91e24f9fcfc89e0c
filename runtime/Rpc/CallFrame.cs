using System.ComponentModel;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Rpc;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>
/// The message of one call, like seL4's IPC buffer: the generated subclass for a procedure holds
/// each method's arguments and results as fields. A client reuses its frame from call to call, so
/// steady-state calls allocate nothing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class CallFrame
{
    // Created on the first call that needs to wait for a reply; reused for every later one.
    private CallReply? _reply;

    /// <summary>Index of the called method within its procedure.</summary>
    public int Method { get; set; }

    /// <summary>The caller's badge (its <c>&lt;iface&gt;_attributes</c>), visible to the server as the sender id.</summary>
    public int Badge { get; set; }

    /// <summary>Set when the handler threw or the server had stopped; rethrown to the caller.</summary>
    public ComponentFaultException? Fault { get; internal set; }

    internal CallReply Reply => _reply ??= new CallReply(this);
}
