using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using UxRt.Camkes.Remote.Protocol;

namespace UxRt.Camkes.Remote;

/// <summary>
/// What each message's MAC covers: HMAC-SHA256 with the key of the (caller -> server) pair over a
/// label naming the kind of message, then every field that gives the message its meaning, each
/// length-prefixed so that no two different messages encode alike. A call's MAC binds the system,
/// connection, instance, interface, both nodes, badge, method, buffer size, call id, sending time
/// and a SHA-256 of the payload: a captured MAC opens nothing but the very call it was made for.
/// </summary>
internal static class MessageAuthentication
{
    public const int MacLength = 32;

    public static byte[] Call(byte[] key, string system, string serverNode, CallRequest request) =>
        Mac(key, new MacInput("call").Add(system).Add(request.Connection).Add(request.Instance).Add(request.Interface)
            .Add(request.CallerNode).Add(serverNode).Add(request.Badge).Add(request.Method).Add(request.Capacity)
            .Add(request.CallId).Add(request.SentAtMs).AddHashOf(request.Payload.Span));

    /// <summary>Over the call it answers and what it answers with: payload, or every field of the fault.</summary>
    public static byte[] Reply(byte[] key, ulong callId, CallResponse response)
    {
        var input = new MacInput("reply").Add(callId).Add((int)response.ResultCase);
        if (response.ResultCase == CallResponse.ResultOneofCase.Fault)
        {
            var fault = response.Fault;
            input.Add(fault.Instance).Add(fault.Interface).Add(fault.Method).Add(fault.Message).Add(fault.ExceptionType).Add(fault.ExceptionMessage).Add(fault.NotDelivered ? 1 : 0);
        }
        else
        {
            input.AddHashOf(response.Payload.Span);
        }

        return Mac(key, input);
    }

    public static byte[] Signal(byte[] key, string system, string serverNode, SignalRequest request) =>
        Mac(key, new MacInput("signal").Add(system).Add(request.Connection).Add(request.Instance).Add(request.Interface)
            .Add(request.CallerNode).Add(serverNode).Add(request.Bits).Add(request.CallId).Add(request.SentAtMs));

    public static byte[] Leave(byte[] key, string system, string serverNode, LeaveRequest request) =>
        Mac(key, new MacInput("leave").Add(system).Add(request.Node).Add(serverNode).Add(request.CallId).Add(request.SentAtMs));

    public static byte[] Cancel(byte[] key, string system, string serverNode, CancelRequest request) =>
        Mac(key, new MacInput("cancel").Add(system).Add(request.CallerNode).Add(serverNode).Add(request.TargetCallId).Add(request.CallId).Add(request.SentAtMs));

    public static byte[] Cancelled(byte[] key, ulong targetCallId, CancelOutcome outcome) =>
        Mac(key, new MacInput("cancelled").Add(targetCallId).Add((int)outcome));

    /// <summary>Compares in constant time, so that a forger cannot find a MAC byte by byte.</summary>
    public static bool Matches(byte[] expected, ByteString presented) =>
        presented.Length == expected.Length && CryptographicOperations.FixedTimeEquals(expected, presented.Span);

    private static byte[] Mac(byte[] key, MacInput input)
    {
        try
        {
            return HMACSHA256.HashData(key, input.Written);
        }
        finally
        {
            input.Return();
        }
    }

    /// <summary>The bytes a MAC is computed over, in a pooled buffer (a payload enters as its hash, so the buffer stays small).</summary>
    private sealed class MacInput
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(256);
        private int _length;

        public MacInput(string label) => Add(label);

        public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

        public MacInput Add(string text)
        {
            var bytes = Encoding.UTF8.GetByteCount(text);
            Add(bytes);
            Encoding.UTF8.GetBytes(text, Reserve(bytes));
            return this;
        }

        public MacInput Add(int value)
        {
            BinaryPrimitives.WriteInt32LittleEndian(Reserve(sizeof(int)), value);
            return this;
        }

        public MacInput Add(long value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(Reserve(sizeof(long)), value);
            return this;
        }

        public MacInput Add(ulong value)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(Reserve(sizeof(ulong)), value);
            return this;
        }

        public MacInput AddHashOf(ReadOnlySpan<byte> payload)
        {
            Add(payload.Length);
            SHA256.HashData(payload, Reserve(SHA256.HashSizeInBytes));
            return this;
        }

        public void Return() => ArrayPool<byte>.Shared.Return(_buffer);

        private Span<byte> Reserve(int count)
        {
            if (_length + count > _buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + count));
                _buffer.AsSpan(0, _length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }

            var span = _buffer.AsSpan(_length, count);
            _length += count;
            return span;
        }
    }
}
