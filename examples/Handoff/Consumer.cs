using UxRt.Camkes.Runtime.Simulation;

namespace Handoff;

/// <summary>Reads each slot the producer signals and checks that none was skipped or torn, then acknowledges it.</summary>
public sealed class Consumer : ConsumerBase
{
    /// <summary>Slots read and acknowledged so far.</summary>
    public int Taken { get; private set; }

    protected override void Run()
    {
        for (var expected = 1; expected <= Producer.Count; expected++)
        {
            Filled.Wait(StopRequested);
            Slot.Acquire();
            var slot = Slot.Value;
            Simulation.Log($"consumer read slot {slot.Sequence} = {slot.Value}");

            // Holds in every run, simulated or not: a failed one is a schedule the simulation reports.
            Simulation.Assert(slot.Sequence == expected, $"slot {expected} was overwritten by slot {slot.Sequence} before the consumer read it");
            Simulation.Assert(slot.Value == slot.Sequence * slot.Sequence, $"slot {slot.Sequence} holds {slot.Value}: torn");
            Taken = expected;
            Read.Emit();
        }
    }
}
