namespace UxRt.Camkes.Runtime.Rpc;

/// <summary>
/// The message of one call, like seL4's IPC buffer: the generated subclass for a procedure holds
/// each method's arguments and results as fields. A client reuses its frame from call to call, so
/// steady-state calls allocate nothing.
/// </summary>
public abstract class CallFrame
{
    private readonly ManualResetEventSlim _replied = new(initialState: false, spinCount: 100);

    /// <summary>Index of the called method within its procedure.</summary>
    public int Method { get; set; }

    /// <summary>The caller's badge (its <c>&lt;iface&gt;_attributes</c>), visible to the server.</summary>
    public int Badge { get; set; }

    /// <summary>Set by the server when the handler threw; rethrown to the caller as a fault.</summary>
    public Exception? Fault { get; set; }

    internal void PrepareForCall()
    {
        Fault = null;
        _replied.Reset();
    }

    internal void SignalReply() => _replied.Set();

    internal void WaitForReply() => _replied.Wait();
}
