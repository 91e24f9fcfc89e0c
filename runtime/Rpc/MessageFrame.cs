using System.ComponentModel;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>The frame of a seL4RPCDataport call: only the method and badge travel in the frame, the arguments in its <see cref="Message"/> buffer.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MessageFrame : CallFrame
{
    /// <summary>CAmkES's default dataport size.</summary>
    public const int DefaultCapacity = 4096;

    public MessageFrame(int capacity = DefaultCapacity) => Message = new MessageBuffer(capacity);

    public MessageBuffer Message { get; }
}
