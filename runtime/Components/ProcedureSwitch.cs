using System;
using System.ComponentModel;
using System.Threading.Tasks;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>
/// The server end of a seL4RPCCallNoType interface whose clients use different procedures (CAmkES's
/// cakeml_hello: <c>from client.h, from client.g, to hello.s</c>): one endpoint, one interface thread,
/// and each call goes to the dispatcher of its client's procedure, told apart by the call frame's type.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ProcedureSwitch : ICallDispatcher
{
    private readonly (Type Frame, ICallDispatcher Dispatcher)[] _procedures;

    /// <param name="procedures">Each procedure's call frame type with the dispatcher for it.</param>
    public ProcedureSwitch(params (Type Frame, ICallDispatcher Dispatcher)[] procedures) => _procedures = procedures;

    /// <inheritdoc/>
    public string MethodName(int index) => ProcedureSwitches.MethodName(_procedures, index);

    /// <inheritdoc/>
    public void Dispatch(CallFrame frame) => ProcedureSwitches.Find(_procedures, frame).Dispatch(frame);
}

/// <summary><see cref="ProcedureSwitch"/> for a unicore server whose handlers may await.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AsyncProcedureSwitch : IAsyncCallDispatcher
{
    private readonly (Type Frame, IAsyncCallDispatcher Dispatcher)[] _procedures;

    /// <param name="procedures">Each procedure's call frame type with the dispatcher for it.</param>
    public AsyncProcedureSwitch(params (Type Frame, IAsyncCallDispatcher Dispatcher)[] procedures) => _procedures = procedures;

    /// <inheritdoc/>
    public string MethodName(int index) => ProcedureSwitches.MethodName(_procedures, index);

    /// <inheritdoc/>
    public ValueTask DispatchAsync(CallFrame frame) => ProcedureSwitches.Find(_procedures, frame).DispatchAsync(frame);
}

internal static class ProcedureSwitches
{
    // A method index means one method per procedure: a fault report names them all.
    public static string MethodName<T>((Type Frame, T Dispatcher)[] procedures, int index)
        where T : IProcedureDispatcher =>
        string.Join(" or ", Array.ConvertAll(procedures, p => p.Dispatcher.MethodName(index)));

    public static T Find<T>((Type Frame, T Dispatcher)[] procedures, CallFrame frame)
    {
        var type = frame.GetType();
        foreach (var (procedureFrame, dispatcher) in procedures)
        {
            if (procedureFrame == type)
            {
                return dispatcher;
            }
        }

        throw new InvalidOperationException($"no procedure of this interface takes a {type.Name}");
    }
}
