namespace Pipeline;

/// <summary>
/// Keeps the books: each sample's checksum as the producer (badge 1) and the consumer (badge 2)
/// computed it. The ledger is served on its own thread and the report on the caller's (passive),
/// so the two share the books under the <c>books</c> mutex.
/// </summary>
public sealed class Auditor : AuditorBase
{
    private const int ProducerBadge = 1;
    private const int ConsumerBadge = 2;

    private readonly Dictionary<int, long> _produced = new();
    private readonly Dictionary<int, long> _consumed = new();

    protected override void Init()
    {
        _produced.Clear();
        _consumed.Clear();
    }

    protected override void LedgerRecord(int sequence, long checksum)
    {
        var books = SenderId switch
        {
            ProducerBadge => _produced,
            ConsumerBadge => _consumed,
            var unknown => throw new InvalidOperationException($"no client has badge {unknown}"),
        };

        using (Books.EnterScope())
        {
            books[sequence] = checksum;
        }
    }

    protected override string ReportSummary(string title, out int frames)
    {
        using (Books.EnterScope())
        {
            var matched = _produced.Count(p => _consumed.TryGetValue(p.Key, out var c) && c == p.Value);
            frames = _produced.Count;
            return $"{title}: {matched} of {_produced.Count} samples arrived intact, {_consumed.Count - matched} did not";
        }
    }
}
