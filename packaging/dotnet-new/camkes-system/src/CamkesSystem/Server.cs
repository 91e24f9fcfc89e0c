namespace CamkesSystem;

/// <summary>Keeps the running total; publishes it in the dataport and signals the client.</summary>
public sealed class Server : ServerBase
{
    private int _total;

    protected override int CounterAdd(string reason, int amount)
    {
        _total += amount;

        ref var totals = ref Totals.WritableValue;
        totals.Total = _total;
        totals.Updates++;

        // Publish the writes before the signal; the client acquires after its wait.
        Totals.Release();
        Changed.Emit();
        return _total;
    }
}
