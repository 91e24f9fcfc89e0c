using System.Collections.Concurrent;

namespace UxRt.Camkes.Runtime.Tests.Support;

/// <summary>
/// Watches a component's code from the inside: which managed threads ran it, how many pieces of it
/// were running at once, and which kinds of piece (init, control, a handler, a callback…) ran.
/// </summary>
internal sealed class Occupancy
{
    private readonly ConcurrentDictionary<int, byte> _threadIds = new();
    private readonly ConcurrentDictionary<string, int> _entries = new();
    private int _inside;
    private int _mostAtOnce;

    /// <summary>Every managed thread id that ran a piece.</summary>
    public IReadOnlyCollection<int> ThreadIds => _threadIds.Keys.ToArray();

    /// <summary>The most pieces that were inside at the same moment.</summary>
    public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

    /// <summary>How many pieces of <paramref name="kind"/> ran.</summary>
    public int Entries(string kind) => _entries.TryGetValue(kind, out var count) ? count : 0;

    /// <summary>Records one piece of <paramref name="kind"/>: the thread it runs on, and that it is inside for a short spin.</summary>
    public void Occupy(string kind)
    {
        _threadIds.TryAdd(Environment.CurrentManagedThreadId, 0);
        _entries.AddOrUpdate(kind, 1, static (_, count) => count + 1);
        var inside = Interlocked.Increment(ref _inside);
        InterlockedMax(ref _mostAtOnce, inside);

        // Long enough for another thread running the component's code at the same time to be caught inside.
        Thread.SpinWait(100);
        Interlocked.Decrement(ref _inside);
    }

    private static void InterlockedMax(ref int location, int value)
    {
        var current = Volatile.Read(ref location);
        while (value > current && Interlocked.CompareExchange(ref location, value, current) is var seen && seen != current)
        {
            current = seen;
        }
    }
}
