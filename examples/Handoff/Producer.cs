namespace Handoff;

/// <summary>Writes slots 1..<see cref="Count"/>, signalling each; waits for the acknowledgement only under the fixed protocol.</summary>
public sealed class Producer(HandoffProtocol? protocol = null) : ProducerBase
{
    public const int Count = 3;

    private readonly HandoffProtocol _protocol = protocol ?? HandoffProtocol.FireAndForget;

    /// <summary>Slots written so far: what an invariant compares with <see cref="Consumer.Taken"/>.</summary>
    public int Written { get; private set; }

    protected override void Run()
    {
        for (var sequence = 1; sequence <= Count; sequence++)
        {
            ref var slot = ref Slot.WritableValue;
            slot.Sequence = sequence;
            slot.Value = sequence * sequence;
            Written = sequence;
            Slot.Release();
            Filled.Emit();
            if (_protocol.WaitForAck)
            {
                Read.Wait(StopRequested);
            }
        }
    }
}
