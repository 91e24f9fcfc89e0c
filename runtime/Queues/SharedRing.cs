using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using UxRt.Camkes.Runtime.Glue;

namespace UxRt.Camkes.Runtime.Queues;

/// <summary>
/// A single-producer, single-consumer ring of fixed-size slots laid out in a dataport's region, the
/// engine of the queue connectors. Each side owns one index and writes only its own cache line; the
/// other side's index is read, and cached, only when this side's view says full or empty. A side
/// that is about to sleep says so in a flag beside its index, and the other side signals it only
/// then: a stream of messages to a busy consumer costs no notification at all.
/// </summary>
/// <remarks>
/// Layout, one cache line each: [0, 64) the tail, written by the producer on every message;
/// [64, 128) the head, written by the consumer; [128, 192) "consumer sleeps" and [192, 256)
/// "producer sleeps", written only around a sleep, so reading them on every message costs no
/// cache-line transfer; then the slots. Indices only grow; a slot
/// is <c>index % SlotCount</c>. The region is pinned, so references into it stay valid.
/// </remarks>
internal sealed class SharedRing
{
    internal const int HeaderSize = 256;
    private const int TailOffset = 0;
    private const int HeadOffset = 64;
    private const int ConsumerSleepsOffset = 128;
    private const int ProducerSleepsOffset = 192;

    private readonly byte[] _memory;

    public SharedRing(SharedRegion region, int slotSize)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(slotSize);
        SlotSize = slotSize;
        SlotCount = (region.Size - HeaderSize) / slotSize;
        if (SlotCount < 1)
        {
            throw new ArgumentException($"the {region.Size}-byte region '{region.Name}' has no room for a {slotSize}-byte slot after its {HeaderSize}-byte header", nameof(region));
        }

        _memory = region.Memory;
        Name = region.Name;
    }

    public string Name { get; }

    public int SlotSize { get; }

    public int SlotCount { get; }

    internal ref long Tail => ref Unsafe.As<byte, long>(ref _memory[TailOffset]);

    internal ref long Head => ref Unsafe.As<byte, long>(ref _memory[HeadOffset]);

    internal ref int ProducerSleeps => ref Unsafe.As<byte, int>(ref _memory[ProducerSleepsOffset]);

    internal ref int ConsumerSleeps => ref Unsafe.As<byte, int>(ref _memory[ConsumerSleepsOffset]);

    /// <summary>
    /// The producer's index as the consumer at <paramref name="head"/> may use it. The other side
    /// writes it, so it is not trusted: a value before the head or past a full ring is clamped, and
    /// this end never reads a slot twice in one pass.
    /// </summary>
    public long TailSeenFrom(long head) => Math.Clamp(Volatile.Read(ref Tail), head, head + SlotCount);

    /// <summary>The bytes of the slot that index <paramref name="index"/> lands on.</summary>
    public Span<byte> Slot(long index) =>
        _memory.AsSpan(HeaderSize + (int)(index % SlotCount) * SlotSize, SlotSize);

    /// <summary>A reference to the <typeparamref name="T"/> at the start of slot <paramref name="index"/>.</summary>
    public ref T SlotAs<T>(long index)
        where T : unmanaged =>
        ref Unsafe.As<byte, T>(ref _memory[HeaderSize + (int)(index % SlotCount) * SlotSize]);

    /// <summary>
    /// Announces that <paramref name="side"/> is about to sleep. The full fence orders the flag before
    /// the re-check that follows, against the other side's index write before its flag read.
    /// </summary>
    public static void AnnounceSleep(ref int side) => Interlocked.Exchange(ref side, 1);

    public static void CancelSleep(ref int side) => Volatile.Write(ref side, 0);

    /// <summary>
    /// Publishes <paramref name="value"/> as this side's index, then says whether the other side had
    /// said it sleeps, clearing its flag so that exactly one publisher signals it. The exchange is the
    /// full fence that orders the index write before the flag read (one locked instruction).
    /// </summary>
    public static bool PublishAndTakeSleeper(ref long index, long value, ref int otherSide)
    {
        Interlocked.Exchange(ref index, value);
        return Volatile.Read(ref otherSide) != 0 && Interlocked.Exchange(ref otherSide, 0) != 0;
    }
}
