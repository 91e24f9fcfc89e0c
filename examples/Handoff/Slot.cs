namespace Handoff;

/// <summary>What the producer writes into the shared dataport for the consumer to read in place.</summary>
public struct Slot
{
    public int Sequence;
    public int Value;
}

/// <summary>
/// How the producer hands over a slot. <see cref="WaitForAck"/> false is the bug: the producer goes on
/// writing the next slot without waiting for the consumer to say it has read this one.
/// </summary>
public sealed record HandoffProtocol(bool WaitForAck)
{
    /// <summary>The buggy protocol the example ships with, so that the simulation has something to find.</summary>
    public static readonly HandoffProtocol FireAndForget = new(false);

    /// <summary>The fix: one slot in flight at a time.</summary>
    public static readonly HandoffProtocol Acknowledged = new(true);
}
