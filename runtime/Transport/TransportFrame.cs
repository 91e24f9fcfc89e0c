using UxRt.Camkes.Runtime.Faults;

namespace UxRt.Camkes.Runtime.Transport;

/// <summary>
/// The message of one transport call. Its registers stand for seL4's message registers: one
/// pinned array per connection end made once, so a short message allocates nothing per call. A
/// long message leaves them empty and names a span of the connection's shared buffer instead.
/// </summary>
internal sealed class TransportFrame : CallFrame
{
    public const int ReadMethod = 0;
    public const int WriteMethod = 1;

    private readonly byte[] _registers = GC.AllocateArray<byte>(ShortMessage.MaxBytes, pinned: true);
    private readonly byte[] _buffer;

    public TransportFrame(byte[] sharedBuffer) => _buffer = sharedBuffer;

    public long Offset { get; set; }

    public int Length { get; set; }

    public bool IsLong { get; set; }

    /// <summary>The reply: bytes moved, or a negative <see cref="TransportStatus"/>.</summary>
    public long Status { get; set; }

    /// <summary>Set when the server threw: the caller gets <see cref="TransportStatus.IOError"/> and can read what happened here.</summary>
    public ComponentFaultException? ServerFault { get; set; }

    public Span<byte> Registers => _registers;

    public Span<byte> Payload => IsLong ? _buffer.AsSpan(0, Length) : _registers.AsSpan(0, Length);

    public Memory<byte> PayloadMemory => IsLong ? _buffer.AsMemory(0, Length) : _registers.AsMemory(0, Length);

    public static string MethodName(int method) => method == ReadMethod ? "read" : method == WriteMethod ? "write" : $"#{method}";

    public void Prepare(int method, long offset, int length, bool isLong, int badge)
    {
        Method = method;
        Offset = offset;
        Length = length;
        IsLong = isLong;
        Badge = badge;
        Status = 0;
        ServerFault = null;
    }

    public TransportRequest Request(string path) => new(path, Offset, Length, Badge, IsLong);
}
