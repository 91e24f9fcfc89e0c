namespace CamkesSystem;

#if (nodes)
/// <summary>Adds a few amounts through the server, on another node, and waits for each change it signals.</summary>
#else
/// <summary>Adds a few amounts through the server and checks each total against the dataport.</summary>
#endif
public sealed class Client : ClientBase
{
    private readonly List<int> _totalsSeen = new();

#if (nodes)
    /// <summary>The totals the server answered, one per call.</summary>
#else
    /// <summary>The totals the client read from the dataport, one per call.</summary>
#endif
    public IReadOnlyList<int> TotalsSeen => _totalsSeen;

    protected override void Run()
    {
        foreach (var amount in new[] { 1, 2, 3 })
        {
            var total = Counter.Add("step", amount);

            Changed.Wait(StopRequested);
#if (nodes)
            _totalsSeen.Add(total);

            Console.WriteLine($"{InstanceName}: added {amount}, total {total}");
#else
            Totals.Acquire();
            ref readonly var published = ref Totals.Value;
            _totalsSeen.Add(published.Total);

            Console.WriteLine($"{InstanceName}: added {amount}, total {total}; the dataport says {published.Total} after {published.Updates} updates");
#endif
        }
    }
}
