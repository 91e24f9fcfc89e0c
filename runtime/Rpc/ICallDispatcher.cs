using System.ComponentModel;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>The server end of a procedure, whichever way it runs: it can name its methods for fault reports.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IProcedureDispatcher
{
    /// <summary>The name of method <paramref name="index"/>, for fault reports.</summary>
    string MethodName(int index);
}

/// <summary>
/// The server end of a procedure for a native component (generated per procedure and connector):
/// reads a frame's arguments, calls the component's implementation and writes the results back.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ICallDispatcher : IProcedureDispatcher
{
    void Dispatch(CallFrame frame);
}

/// <summary>
/// A native server end that can hand its implementation to a client on the caller's thread
/// (seL4DirectCall, passive), which then calls it straight through (see <see cref="InlineCalls"/>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IInlineDispatcher : ICallDispatcher
{
    /// <summary>The component's implementation of the procedure, as the dispatcher calls it.</summary>
    object Implementation { get; }
}

/// <summary>
/// The server end of a procedure for a unicore component: like <see cref="ICallDispatcher"/>, but
/// the implementation may await (a call out, a semaphore, a delay) without holding the CPU.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IAsyncCallDispatcher : IProcedureDispatcher
{
    ValueTask DispatchAsync(CallFrame frame);
}

/// <summary>Runs a synchronous dispatcher as an async one: a handler that never awaits, on a virtual CPU.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SynchronousDispatcher(ICallDispatcher inner) : IAsyncCallDispatcher
{
    public string MethodName(int index) => inner.MethodName(index);

    public ValueTask DispatchAsync(CallFrame frame)
    {
        inner.Dispatch(frame);
        return default;
    }
}
