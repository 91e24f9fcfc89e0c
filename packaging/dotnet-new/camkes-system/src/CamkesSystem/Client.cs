namespace CamkesSystem;

/// <summary>Adds a few amounts through the server and checks each total against the dataport.</summary>
public sealed class Client : ClientBase
{
    private readonly List<int> _totalsSeen = new();

    /// <summary>The totals the client read from the dataport, one per call.</summary>
    public IReadOnlyList<int> TotalsSeen => _totalsSeen;

    protected override void Run()
    {
        foreach (var amount in new[] { 1, 2, 3 })
        {
            var total = Counter.Add("step", amount);

            Changed.Wait(StopRequested);
            Totals.Acquire();
            ref readonly var published = ref Totals.Value;
            _totalsSeen.Add(published.Total);

            Console.WriteLine($"{InstanceName}: added {amount}, total {total}; the dataport says {published.Total} after {published.Updates} updates");
        }
    }
}
