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

    // The typed awaited sources of this frame's methods (Endpoint.CallAsync with a result), by method index; made on first use.
    private object?[]? _awaitedCalls;

    internal AwaitedCall<TFrame, TResult> AwaitedCall<TFrame, TResult>(TFrame frame, FrameCache<TFrame> frames, Func<TFrame, TResult> result)
        where TFrame : CallFrame
    {
        var calls = _awaitedCalls is { } known && known.Length > Method ? known : ExtendAwaitedCalls();
        if (calls[Method] is AwaitedCall<TFrame, TResult> existing && existing.Matches(frames, result))
        {
            return existing;
        }

        var made = new AwaitedCall<TFrame, TResult>(frame, frames, result);
        calls[Method] = made;
        return made;
    }

    private object?[] ExtendAwaitedCalls()
    {
        var calls = new object?[Method + 1];
        _awaitedCalls?.CopyTo(calls, 0);
        _awaitedCalls = calls;
        return calls;
    }
}
