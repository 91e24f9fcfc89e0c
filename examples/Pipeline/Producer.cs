namespace Pipeline;

/// <summary>Fills one sample at a time, hands it over with a notification and waits until it is taken.</summary>
public sealed class Producer : ProducerBase
{
    /// <summary>How many samples travel through the pipeline.</summary>
    public const int SampleCount = 1_000;

    protected override void Run()
    {
        for (var sequence = 1; sequence <= SampleCount; sequence++)
        {
            ref var sample = ref Samples.WritableValue;
            sample.Sequence = sequence;
            for (var i = 0; i < Readings.Length; i++)
            {
                sample.Values[i] = (sequence * 7) + i;
            }

            Ledger.Record(sequence, sample.Checksum());

            // Publish the writes before the signal; the consumer acquires after its wait.
            Samples.Release();
            Ready.Emit();
            Taken.Wait(StopRequested);
        }

        var summary = Report.Summary("pipeline", out var samples);
        Console.WriteLine($"{InstanceName}: {summary} ({samples} samples audited)");
    }
}
