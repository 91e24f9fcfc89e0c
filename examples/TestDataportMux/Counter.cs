namespace TestDataportMux;

/// <summary>
/// Five counters share one integer in one dataport and take turns incrementing it: each waits
/// until the value modulo 5 is its own ID, so an increment by anyone else meanwhile is a race
/// the compare-and-swap would catch.
/// </summary>
public sealed class Counter : CounterBase
{
    private const int Goal = 20;
    private const int Counters = 5;

    protected override void Run()
    {
        ref var value = ref Port.Write<int>();
        while (Volatile.Read(ref value) < Goal)
        {
            WaitForTurn(ref value);
            var old = Volatile.Read(ref value);
            Console.WriteLine($"{ID}: My turn to increment (current value {old})");

            // A pause while holding the turn, to expose a counter that does not wait for its own.
            Thread.SpinWait(10_000);

            if (Interlocked.CompareExchange(ref value, old + 1, old) != old)
            {
                throw new InvalidOperationException($"{ID}: the value changed during my turn");
            }
        }

        // Only the counter that takes the value to the goal is sure to get here first.
        if (ID == Counters - 1)
        {
            Console.WriteLine($"{ID}: We're done, people");
        }
    }

    /// <summary>Spins, then yields and sleeps (SpinWait), so five waiting counters do not starve two cores.</summary>
    private void WaitForTurn(ref int value)
    {
        var spin = new SpinWait();
        while (Volatile.Read(ref value) % Counters != ID)
        {
            StopRequested.ThrowIfCancellationRequested();
            spin.SpinOnce();
        }
    }
}
