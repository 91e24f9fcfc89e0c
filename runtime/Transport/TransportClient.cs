using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Notifications;

namespace UxRt.Camkes.Runtime.Transport;

/// <summary>
/// The client end of a transport path (<c>uses UxrtFile f;</c>), with three APIs that all reach
/// the same server handler, so any mix interoperates:
/// <list type="bullet">
/// <item>short messages (<see cref="WriteShort"/>, <see cref="ReadShort"/>): up to
/// <see cref="ShortMessage.MaxBytes"/> carried in the message registers, no shared buffer;</item>
/// <item>long messages (<see cref="WriteLong"/>, <see cref="ReadLong"/>, or in place through
/// <see cref="Buffer"/> with <see cref="WriteBuffer"/> and <see cref="ReadBuffer"/>): up to
/// <see cref="BufferSize"/> through the connection's shared buffer, at most one copy each way
/// (none in place);</item>
/// <item>Unix-style <see cref="Write"/> and <see cref="Read"/> (pwrite/pread): short when it fits,
/// otherwise long messages of up to a buffer each.</item>
/// </list>
/// Every method returns the bytes moved or a negative <see cref="TransportStatus"/>, never throws
/// for the server's sake. Blocking forms are for native components; unicore ones await the
/// <c>…Async</c> forms. One end carries one call at a time (<see cref="TransportStatus.Busy"/>).
/// </summary>
public sealed partial class TransportClient
{
    private readonly Endpoint _endpoint;
    private readonly TransportFrame _frame;
    private readonly byte[] _buffer;
    private readonly int _badge;
    private int _busy;

    internal TransportClient(string instance, string interfaceName, TransportEndpoint endpoint, byte[] sharedBuffer, int badge, Notification readiness)
    {
        Instance = instance;
        Interface = interfaceName;
        Path = endpoint.Path;
        _endpoint = endpoint.Rpc;
        _buffer = sharedBuffer;
        _frame = new TransportFrame(sharedBuffer);
        _badge = badge;
        Readiness = readiness;
    }

    /// <summary>The client instance.</summary>
    public string Instance { get; }

    /// <summary>The client's <c>uses</c> interface.</summary>
    public string Interface { get; }

    /// <summary>The path this end was granted.</summary>
    public string Path { get; }

    /// <summary>The size of the connection's shared buffer: the most a long message carries.</summary>
    public int BufferSize => _buffer.Length;

    /// <summary>
    /// The shared buffer, for long messages without a copy: fill it and <see cref="WriteBuffer"/>,
    /// or <see cref="ReadBuffer"/> and read it. Valid until the next call on this end.
    /// </summary>
    public Span<byte> Buffer => _buffer;

    /// <summary>Signalled with <see cref="PollEvents"/> bits when the server says the path is ready; what a <see cref="PollSet"/> waits on.</summary>
    public Notification Readiness { get; }

    /// <summary>The server's fault behind the last <see cref="TransportStatus.IOError"/> or <see cref="TransportStatus.ShutDown"/>, naming instance, interface and method.</summary>
    public ComponentFaultException? LastFault { get; private set; }

    /// <summary>Writes <paramref name="data"/> at <paramref name="offset"/> in one short message.</summary>
    public long WriteShort(long offset, ReadOnlySpan<byte> data)
    {
        if (Enter(offset, data.Length, ShortMessage.MaxBytes) is var refused and < 0)
        {
            return refused;
        }

        try
        {
            data.CopyTo(_frame.Registers);
            return Call(TransportFrame.WriteMethod, offset, data.Length, isLong: false);
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Reads up to <paramref name="destination"/>.Length bytes from <paramref name="offset"/> in one short message.</summary>
    public long ReadShort(long offset, Span<byte> destination)
    {
        if (Enter(offset, destination.Length, ShortMessage.MaxBytes) is var refused and < 0)
        {
            return refused;
        }

        try
        {
            var status = Call(TransportFrame.ReadMethod, offset, destination.Length, isLong: false);
            if (status > 0)
            {
                _frame.Registers[..(int)status].CopyTo(destination);
            }

            return status;
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Writes <paramref name="data"/> in one long message: one copy into the shared buffer.</summary>
    public long WriteLong(long offset, ReadOnlySpan<byte> data)
    {
        if (Enter(offset, data.Length, _buffer.Length) is var refused and < 0)
        {
            return refused;
        }

        try
        {
            data.CopyTo(_buffer);
            return Call(TransportFrame.WriteMethod, offset, data.Length, isLong: true);
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Reads in one long message: the server fills the shared buffer, one copy out of it.</summary>
    public long ReadLong(long offset, Span<byte> destination)
    {
        var status = ReadBuffer(offset, destination.Length);
        if (status > 0)
        {
            _buffer.AsSpan(0, (int)status).CopyTo(destination);
        }

        return status;
    }

    /// <summary>Writes the first <paramref name="length"/> bytes already in <see cref="Buffer"/>: no copy at all.</summary>
    public long WriteBuffer(long offset, int length) => InPlace(TransportFrame.WriteMethod, offset, length);

    /// <summary>Reads up to <paramref name="length"/> bytes into <see cref="Buffer"/>: no copy at all.</summary>
    public long ReadBuffer(long offset, int length) => InPlace(TransportFrame.ReadMethod, offset, length);

    /// <summary>Unix-style pwrite: a short message when it fits, otherwise long ones of up to a buffer each. Returns the bytes written; an error only if none were.</summary>
    public long Write(long offset, ReadOnlySpan<byte> data)
    {
        if (data.Length <= ShortMessage.MaxBytes)
        {
            return WriteShort(offset, data);
        }

        var transfer = default(Chunks);
        while (transfer.Next(_buffer.Length, data.Length, out var done, out var chunk))
        {
            transfer.Moved(WriteLong(offset + done, data.Slice(done, chunk)));
        }

        return transfer.Result;
    }

    /// <summary>Unix-style pread: a short message when it fits, otherwise long ones until the buffer is full or the file ends. Returns the bytes read; an error only if none were.</summary>
    public long Read(long offset, Span<byte> destination)
    {
        if (destination.Length <= ShortMessage.MaxBytes)
        {
            return ReadShort(offset, destination);
        }

        var transfer = default(Chunks);
        while (transfer.Next(_buffer.Length, destination.Length, out var done, out var chunk))
        {
            transfer.Moved(ReadLong(offset + done, destination.Slice(done, chunk)));
        }

        return transfer.Result;
    }

    /// <summary>A stream over this path, starting at offset 0.</summary>
    public TransportStream OpenStream() => new(this);

    private long InPlace(int method, long offset, int length)
    {
        if (Enter(offset, length, _buffer.Length) is var refused and < 0)
        {
            return refused;
        }

        try
        {
            return Call(method, offset, length, isLong: true);
        }
        finally
        {
            Exit();
        }
    }

    private long Call(int method, long offset, int length, bool isLong)
    {
        _frame.Prepare(method, offset, length, isLong, _badge);
        try
        {
            _endpoint.Call(_frame);
        }
        catch (ComponentFaultException stopped)
        {
            // The dispatcher never throws, so the only fault left is the endpoint's: it has closed.
            LastFault = stopped;
            return TransportStatus.ShutDown;
        }

        return Completed();
    }

    private long Completed()
    {
        if (_frame.ServerFault is { } fault)
        {
            LastFault = fault;
        }

        return _frame.Status;
    }

    // Checks the arguments, then claims the end: 0, or the status that refuses the call.
    private long Enter(long offset, int length, int capacity)
    {
        if (offset < 0 || length < 0 || offset > long.MaxValue - length)
        {
            return TransportStatus.InvalidArgument;
        }

        if (length > capacity)
        {
            return TransportStatus.MessageTooLong;
        }

        return Interlocked.CompareExchange(ref _busy, 1, 0) == 0 ? 0 : TransportStatus.Busy;
    }

    private void Exit() => Volatile.Write(ref _busy, 0);

    /// <summary>
    /// A transfer larger than one message, as a sequence of long ones: it stops at the end, at an
    /// error, or when a message moves fewer bytes than asked (the end of the file). Its result is
    /// the bytes moved, or the error when none were.
    /// </summary>
    private struct Chunks
    {
        private long _done;
        private int _asked;
        private long _last;
        private bool _ended;

        public readonly long Result => _last < 0 && _done == 0 ? _last : _done;

        public bool Next(int bufferSize, int total, out int done, out int chunk)
        {
            done = (int)_done;
            chunk = (int)Math.Min(bufferSize, total - _done);
            _asked = chunk;
            return !_ended && _done < total;
        }

        public void Moved(long status)
        {
            _last = status;
            _ended = status < _asked;
            _done += Math.Max(status, 0);
        }
    }
}
