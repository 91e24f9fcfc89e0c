namespace UxRt.Camkes.Runtime.Rpc;

/// <summary>
/// The server end of a procedure (generated per procedure and connector): reads a frame's
/// arguments, calls the component's implementation and writes the results back into the frame.
/// </summary>
public interface ICallDispatcher
{
    /// <summary>The name of method <paramref name="index"/>, for fault reports.</summary>
    string MethodName(int index);

    void Dispatch(CallFrame frame);
}
