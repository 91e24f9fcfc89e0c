using Microsoft.Extensions.Logging;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Scheduling;

/// <summary>
/// Where one OS thread of the system runs: a native component thread or a unicore instance's
/// virtual CPU, with the <c>affinity</c>, <c>priority</c> and <c>migratable</c> settings the
/// specification gave it. The thread applies them to itself when it starts (only the thread knows
/// its native id); afterwards the idle-core balancer may change its mask.
/// </summary>
public sealed class ThreadPlacement
{
    private readonly List<(LogLevel Level, string Message)> _outcome = new();
    private volatile int _nativeId;
    private volatile int _core = -1;
    private long _lastMoveTimestamp;
    private int _moves;

    /// <param name="name">The thread's name, <c>instance.role</c> or <c>instance.cpu</c>.</param>
    /// <param name="settings">The thread's settings from the specification.</param>
    /// <param name="isVirtualCpu">The thread is a unicore instance's virtual CPU.</param>
    public ThreadPlacement(string name, ThreadSettings settings, bool isVirtualCpu)
    {
        Name = name;
        Settings = settings;
        IsVirtualCpu = isVirtualCpu;
    }

    public string Name { get; }

    /// <summary>The instance the thread belongs to (the name up to its last dot).</summary>
    public string Instance => Name.LastIndexOf('.') is var dot and > 0 ? Name[..dot] : Name;

    public ThreadSettings Settings { get; }

    public bool IsVirtualCpu { get; }

    /// <summary>The OS's id of the thread (Linux tid) once it has started; 0 before, or where the OS has none.</summary>
    public int NativeThreadId => _nativeId;

    /// <summary>The one core the thread's mask holds now, or null while the OS may run it anywhere.</summary>
    public int? Core => _core is var core and >= 0 ? core : null;

    /// <summary>
    /// Whether the balancer may move the thread: a virtual CPU unless it is pinned without
    /// <c>migratable</c>; a native thread only with <c>migratable</c>.
    /// </summary>
    public bool Movable => Settings.Migratable || (IsVirtualCpu && Settings.Affinity is null);

    /// <summary>How many times the balancer has moved the thread.</summary>
    public int Moves => Volatile.Read(ref _moves);

    internal long LastMoveTimestamp => Interlocked.Read(ref _lastMoveTimestamp);

    /// <summary>What applying the settings did, for the kernel's log (a refusal is a warning).</summary>
    public IReadOnlyList<(LogLevel Level, string Message)> Outcome
    {
        get
        {
            lock (_outcome)
            {
                return _outcome.ToArray();
            }
        }
    }

    /// <summary>Applies <c>affinity</c> and <c>priority</c> to the calling thread, which must be the thread this placement describes.</summary>
    public void ApplyOnCurrentThread()
    {
        try
        {
            Apply();
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            // A libc without these calls: the thread runs where and how the OS likes, as on other platforms.
            Record(LogLevel.Warning, $"thread {Name}: affinity and priority not applied: {exception.Message}");
        }
    }

    private void Apply()
    {
        _nativeId = OsScheduling.CurrentThreadId();
        if (Settings.Affinity is { } affinity)
        {
            Pin(affinity);
        }

        if (Settings.Nice is { } nice && OsScheduling.IsSupported)
        {
            var error = OsScheduling.SetNice(_nativeId, nice);
            Record(
                error == 0 ? LogLevel.Debug : LogLevel.Warning,
                error == 0
                    ? $"thread {Name}: priority {Settings.Priority} applied as nice {nice}"
                    : $"thread {Name}: priority {Settings.Priority} (nice {nice}) refused by the OS ({OsScheduling.ErrorName(error)}{(error is 1 or 13 ? "; raising a thread above nice 0 needs CAP_SYS_NICE or RLIMIT_NICE" : string.Empty)}); it runs at the default priority");
        }
    }

    /// <summary>Sets the thread's mask to <paramref name="core"/> alone; 0 or the OS's error number.</summary>
    internal int MoveTo(int core)
    {
        var error = OsScheduling.SetAffinity(_nativeId, [core]);
        if (error == 0)
        {
            _core = core;
            Interlocked.Exchange(ref _lastMoveTimestamp, System.Diagnostics.Stopwatch.GetTimestamp());
            Interlocked.Increment(ref _moves);
        }

        return error;
    }

    public override string ToString() => Core is { } core ? $"{Name} (core {core})" : Name;

    private void Pin(int core)
    {
        if (!OsScheduling.IsSupported)
        {
            Record(LogLevel.Warning, $"thread {Name}: affinity {core} not applied: pinning one thread is implemented on Linux only ({OsScheduling.ErrorName(-1)})");
            return;
        }

        if (!OsScheduling.AvailableCores.Contains(core))
        {
            Record(LogLevel.Warning, $"thread {Name}: affinity {core} not applied: this process may only run on cores {string.Join(",", OsScheduling.AvailableCores)}; the thread is not pinned");
            return;
        }

        var error = OsScheduling.SetAffinity(_nativeId, [core]);
        if (error == 0)
        {
            _core = core;
            Record(LogLevel.Debug, $"thread {Name}: pinned to core {core}{(Settings.Migratable ? " (migratable)" : string.Empty)}");
        }
        else
        {
            Record(LogLevel.Warning, $"thread {Name}: affinity {core} refused by the OS ({OsScheduling.ErrorName(error)}); the thread is not pinned");
        }
    }

    private void Record(LogLevel level, string message)
    {
        lock (_outcome)
        {
            _outcome.Add((level, message));
        }
    }
}
