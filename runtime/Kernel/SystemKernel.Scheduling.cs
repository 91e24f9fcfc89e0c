using Microsoft.Extensions.Logging;
using UxRt.Camkes.Runtime.Scheduling;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Kernel;

/// <summary>
/// Where the system's OS threads run: every native thread and virtual CPU applies its
/// <c>affinity</c> and <c>priority</c> when it starts, and, when the system enables it, the
/// idle-core balancer moves movable ones to idle cores (<see cref="IdleCoreBalancer"/>).
/// </summary>
public sealed partial class SystemKernel
{
    private readonly List<ThreadPlacement> _placements = new();
    private IdleBalancerOptions? _balancerOptions;

    /// <summary>The running idle-core balancer, or null when the system does not enable it (or the platform cannot run it).</summary>
    public IdleCoreBalancer? Balancer { get; private set; }

    /// <summary>The OS threads of the system (native component threads and virtual CPUs) and where they run.</summary>
    public IReadOnlyList<ThreadPlacement> Placements
    {
        get
        {
            lock (_placements)
            {
                return _placements.ToArray();
            }
        }
    }

    /// <summary>
    /// Enables the idle-core balancer for this system: it starts with the system and stops with it.
    /// Call before <see cref="Start"/>.
    /// </summary>
    public SystemKernel EnableIdleBalancer(IdleBalancerOptions? options = null)
    {
        EnsureNotStarted();
        options ??= new IdleBalancerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.MinProbeInterval, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxProbeInterval, options.MinProbeInterval, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinMoveInterval, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ThreadCooldown, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MinIdleShare, nameof(options));
        _balancerOptions = options;
        return this;
    }

    // Each virtual CPU applies its instance's affinity and priority on its own thread, before Init runs there.
    private void PlaceVirtualCpus()
    {
        foreach (var slot in _instanceOrder.Where(s => s.Cpu is not null))
        {
            var placement = new ThreadPlacement($"{slot.Name}.cpu", slot.Options.ControlThread, isVirtualCpu: true);
            OnInstanceCpu(slot, placement.ApplyOnCurrentThread);
            Place(placement);
        }
    }

    private void Place(IComponentThread thread)
    {
        if (thread is IPlacedThread placed)
        {
            Place(placed.Placement);
        }
        else
        {
            _logger.LogDebug("Started lightweight thread {Thread} on its instance's virtual CPU", thread.Name);
        }
    }

    private void Place(ThreadPlacement placement)
    {
        lock (_placements)
        {
            _placements.Add(placement);
        }

        foreach (var (level, message) in placement.Outcome)
        {
            _logger.Log(level, "{Placement}", message);
        }

        var settings = placement.Settings;
        _logger.LogDebug(
            "Started thread {Thread} (native id {NativeId}, priority {Priority}, affinity {Affinity}, migratable {Migratable}, stack {StackSize} bytes)",
            placement.Name, placement.NativeThreadId, settings.Priority, settings.Affinity, settings.Migratable, settings.StackSize);
    }

    private void StartBalancer()
    {
        if (_balancerOptions is null)
        {
            return;
        }

        var balancer = new IdleCoreBalancer(Name, _balancerOptions, () => Placements, _logger) { Meters = _meters };
        if (balancer.Start())
        {
            Balancer = balancer;
        }
    }

    private void StopBalancer(Deadline deadline)
    {
        if (Balancer is { } balancer && !balancer.Stop(deadline.Remaining))
        {
            _logger.LogWarning("The idle-core balancer of system {System} did not stop within {Timeout}", Name, ShutdownTimeout);
        }
    }
}
