namespace Pipeline;

/// <summary>Takes each sample the producer signals, checks it and records its checksum, then signals it taken.</summary>
public sealed class Consumer : ConsumerBase
{
    protected override void Run()
    {
        for (var taken = 0; taken < Producer.SampleCount; taken++)
        {
            Ready.Wait(StopRequested);
            Samples.Acquire();

            // A read-only end: Samples.WritableValue would throw UnauthorizedAccessException.
            ref readonly var sample = ref Samples.Value;
            Ledger.Record(sample.Sequence, sample.Checksum());
            Taken.Emit();
        }
    }
}
