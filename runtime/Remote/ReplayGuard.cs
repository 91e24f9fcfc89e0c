namespace UxRt.Camkes.Remote;

/// <summary>
/// Refuses a request seen before: one whose sending time is outside the window (older than the
/// call deadline plus the allowed clock skew, or further in the future than the skew), or whose
/// (caller node, call id) arrived within it already. Ids are kept in two generations, each as long
/// as the window: an id stays known at least until its time falls out of the window, when the time
/// check refuses it instead, so the memory held is bounded by the requests of two windows.
/// </summary>
internal sealed class ReplayGuard
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private readonly long _maxAgeMs;
    private readonly long _maxAheadMs;
    private HashSet<(string Node, ulong Id)> _current = [];
    private HashSet<(string Node, ulong Id)> _previous = [];
    private long _currentSince;

    public ReplayGuard(TimeSpan callDeadline, TimeSpan maxClockSkew, TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;

        // A request may wait up to its deadline for a connection before it is sent (WaitForReady).
        _maxAgeMs = (long)(callDeadline + maxClockSkew).TotalMilliseconds;
        _maxAheadMs = (long)maxClockSkew.TotalMilliseconds;
        _currentSince = Now;
    }

    /// <summary>The caller's clock, as requests carry it.</summary>
    public static long Timestamp(TimeProvider? clock = null) => (clock ?? TimeProvider.System).GetUtcNow().ToUnixTimeMilliseconds();

    private long Now => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Records the request; null when it is fresh, otherwise why it is refused.</summary>
    public string? Admit(string callerNode, ulong callId, long sentAtMs)
    {
        var now = Now;
        if (sentAtMs < now - _maxAgeMs || sentAtMs > now + _maxAheadMs)
        {
            return $"its time ({sentAtMs - now} ms from now) is outside the replay window (-{_maxAgeMs} ms to +{_maxAheadMs} ms): a replay, or clocks that differ too much";
        }

        lock (_gate)
        {
            Rotate(now);
            var key = (callerNode, callId);
            return _previous.Contains(key) || !_current.Add(key)
                ? $"call id {callId:x} from node '{callerNode}' was seen already: a replay (or a call cancelled before it arrived)"
                : null;
        }
    }

    /// <summary>Whether the request was seen (admitted or cancelled) within the window.</summary>
    public bool Seen(string callerNode, ulong callId)
    {
        lock (_gate)
        {
            return _previous.Contains((callerNode, callId)) || _current.Contains((callerNode, callId));
        }
    }

    /// <summary>Marks a call as seen without admitting it: one cancelled before it arrived is refused when it does.</summary>
    public void Forbid(string callerNode, ulong callId)
    {
        lock (_gate)
        {
            Rotate(Now);
            _current.Add((callerNode, callId));
        }
    }

    // Each generation spans the whole window (age plus lead), so an id is dropped only once no
    // request carrying it can pass the time check any more.
    private void Rotate(long now)
    {
        var generation = _maxAgeMs + _maxAheadMs;
        if (now - _currentSince < generation)
        {
            return;
        }

        _previous = now - _currentSince < 2 * generation ? _current : [];
        _current = [];
        _currentSince = now;
    }
}
