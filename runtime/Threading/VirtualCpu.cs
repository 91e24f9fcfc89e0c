namespace UxRt.Camkes.Runtime.Threading;

/// <summary>
/// The one CPU that every thread of a unicore component shares: a thread runs component code only
/// while it holds the CPU, so at most one of them runs at a time. The kernel's blocking operations
/// (waits, calls out, contended locks) give the CPU up while they block and take it back after,
/// so a waiting thread never freezes the rest of its component.
/// </summary>
public sealed class VirtualCpu
{
    [ThreadStatic]
    private static VirtualCpu? t_held;

    private readonly object _gate = new();
    private Thread? _owner;
    private int _depth;

    public VirtualCpu(string name) => Name = name;

    public string Name { get; }

    /// <summary>Whether the current thread holds this CPU.</summary>
    public bool IsHeldByCurrentThread => _owner == Thread.CurrentThread;

    /// <summary>
    /// Gives up the CPU the current thread holds, if any, until the returned scope is disposed.
    /// Wrap every wait that may block in it. On a native thread it does nothing.
    /// </summary>
    public static YieldScope Yield()
    {
        var held = t_held;
        return held is null ? default : new YieldScope(held, held.Release());
    }

    /// <summary>Runs the current thread on this CPU until the returned scope is disposed; calls in from another component do this.</summary>
    public EnterScope Enter()
    {
        var previous = t_held;
        Acquire(1);
        t_held = this;
        return new EnterScope(this, previous);
    }

    private void Acquire(int depth)
    {
        var current = Thread.CurrentThread;
        lock (_gate)
        {
            while (_owner is not null && _owner != current)
            {
                Monitor.Wait(_gate);
            }

            _owner = current;
            _depth += depth;
        }
    }

    private void Exit()
    {
        lock (_gate)
        {
            if (--_depth == 0)
            {
                _owner = null;
                Monitor.Pulse(_gate);
            }
        }
    }

    // Releases every level the current thread holds, returning how many to take back.
    private int Release()
    {
        lock (_gate)
        {
            var depth = _depth;
            _depth = 0;
            _owner = null;
            t_held = null;
            Monitor.Pulse(_gate);
            return depth;
        }
    }

    /// <summary>Holds the CPU from <see cref="Enter"/> until disposed.</summary>
    public readonly struct EnterScope : IDisposable
    {
        private readonly VirtualCpu? _cpu;
        private readonly VirtualCpu? _previous;

        internal EnterScope(VirtualCpu cpu, VirtualCpu? previous)
        {
            _cpu = cpu;
            _previous = previous;
        }

        public void Dispose()
        {
            if (_cpu is not null)
            {
                _cpu.Exit();
                t_held = _cpu.IsHeldByCurrentThread ? _cpu : _previous;
            }
        }
    }

    /// <summary>Takes the CPU back, at the depth it was held, when disposed.</summary>
    public readonly struct YieldScope : IDisposable
    {
        private readonly VirtualCpu? _cpu;
        private readonly int _depth;

        internal YieldScope(VirtualCpu cpu, int depth)
        {
            _cpu = cpu;
            _depth = depth;
        }

        public void Dispose()
        {
            if (_cpu is not null)
            {
                _cpu.Acquire(_depth);
                t_held = _cpu;
            }
        }
    }
}
