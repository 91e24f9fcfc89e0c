namespace CamkesSystem;

#if (nodes)
/// <summary>Keeps the running total and signals the client when it changes.</summary>
#else
/// <summary>Keeps the running total; publishes it in the dataport and signals the client.</summary>
#endif
public sealed class Server : ServerBase
{
    private int _total;

    protected override int CounterAdd(string reason, int amount)
    {
        _total += amount;
#if (nodes)
        Changed.Emit();
#else

        ref var totals = ref Totals.WritableValue;
        totals.Total = _total;
        totals.Updates++;

        // Publish the writes before the signal; the client acquires after its wait.
        Totals.Release();
        Changed.Emit();
#endif
        return _total;
    }
}
