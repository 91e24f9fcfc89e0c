using System.Diagnostics;

namespace UxRt.Camkes.Runtime.Threading;

/// <summary>
/// Watches one virtual CPU from a timer: a work item still running after the CPU's hold limit is
/// reported once. The CPU only writes two fields per item, so watching costs the run loop nothing else.
/// </summary>
internal sealed class VirtualCpuWatchdog : IDisposable
{
    private readonly VirtualCpu _cpu;
    private readonly object _gate = new();
    private Timer? _timer;
    private long _busySince;
    private long _itemNumber;
    private long _reportedItem;
    private object? _callback;
    private object? _state;

    public VirtualCpuWatchdog(VirtualCpu cpu) => _cpu = cpu;

    public void Start()
    {
        // Checked twice per limit, so a stall is reported at most 1.5 limits after it began.
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(5).Ticks, _cpu.HoldLimit.Ticks / 2));
        lock (_gate)
        {
            _timer ??= new Timer(static w => ((VirtualCpuWatchdog)w!).Check(), this, period, period);
        }
    }

    public void Begin(object callback, object? state)
    {
        _callback = callback;
        _state = state;
        Interlocked.Increment(ref _itemNumber);
        Volatile.Write(ref _busySince, Stopwatch.GetTimestamp());
    }

    public void End() => Volatile.Write(ref _busySince, 0);

    /// <summary>The state of the work item the CPU is running; null when it is between items.</summary>
    public bool TryGetRunning(out object? callback, out object? state)
    {
        callback = _callback;
        state = _state;
        return Volatile.Read(ref _busySince) != 0;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void Check()
    {
        var since = Volatile.Read(ref _busySince);
        var item = Volatile.Read(ref _itemNumber);
        var reported = Volatile.Read(ref _reportedItem);
        if (since == 0 || item == reported)
        {
            return;
        }

        var held = Stopwatch.GetElapsedTime(since);
        if (held < _cpu.HoldLimit || Volatile.Read(ref _busySince) != since)
        {
            return;
        }

        // Timer callbacks can overlap (a late one runs alongside the next): only the check that claims the item reports it.
        if (Interlocked.CompareExchange(ref _reportedItem, item, reported) != reported)
        {
            return;
        }

        _cpu.ReportStall(new CpuStall(_cpu.Name, held, _cpu.HoldLimit, _cpu.NameWorkItem(_callback, _state)));
    }

    // Names the method the item runs: the user's async method a continuation resumes, else the
    // task's or delegate's target, as a user would recognise it.
    internal static string Describe(object? callback, object? state)
    {
        if (WorkItemNames.AsyncMethodOf(callback, state) is { } asyncMethod)
        {
            return asyncMethod;
        }

        var target = state switch
        {
            Task task => task.AsyncState as Delegate,
            Delegate d => d,
            _ => callback as Delegate,
        };

        if (state is Task && target is null)
        {
            return "a continuation of an async method";
        }

        return target?.Method is { } method ? $"{method.DeclaringType?.Name}.{method.Name}" : state?.GetType().Name ?? "work item";
    }
}
