using UxRt.Camkes.Runtime.Kernel;

namespace UxRt.Camkes.Runtime.Simulation;

/// <summary>How <see cref="Simulation"/> explores a system: which schedules, with which bounds and faults.</summary>
public sealed class SimulationOptions
{
    /// <summary>The seed of the first schedule; schedule <c>i</c> of an exploration runs seed <c>Seed + i</c>.</summary>
    public int Seed { get; set; }

    /// <summary>How many schedules <see cref="Simulation.Explore{TSystem}"/> runs at most.</summary>
    public int Schedules { get; set; } = 100;

    /// <summary>Stops an exploration early once this much real time has passed; null for no budget.</summary>
    public TimeSpan? TimeBudget { get; set; }

    /// <summary>How the next thread is chosen at each scheduling point.</summary>
    public SchedulingStrategy Strategy { get; set; } = SchedulingStrategy.RandomWalk;

    /// <summary>PCT's bug depth: the number of priority changes per schedule plus one.</summary>
    public int PctDepth { get; set; } = 3;

    /// <summary>PCT's estimate of a schedule's length in steps, over which its change points are spread.</summary>
    public int PctStepsHint { get; set; } = 2_000;

    /// <summary>Steps (scheduling points) after which a schedule that has not ended is a livelock.</summary>
    public int MaxSteps { get; set; } = 200_000;

    /// <summary>Virtual time after which a schedule that has not ended is a livelock (a system that never ends).</summary>
    public TimeSpan MaxVirtualTime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Real time a thread may run between two kernel operations before it is reported as blocking outside the kernel.</summary>
    public TimeSpan StepTimeLimit { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Real time a thread may sit in a BCL wait (a lock, <c>Thread.Sleep</c>, <c>Task.Wait</c>) before it is reported.</summary>
    public TimeSpan BlockedOutsideKernelLimit { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Real time a failed schedule's system gets to stop on real threads.</summary>
    public TimeSpan TeardownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Faults to inject (<see cref="SimulatedFault"/>).</summary>
    public IList<SimulatedFault> Faults { get; } = new List<SimulatedFault>();

    /// <summary>A component fault with no step set strikes at a step drawn from 1 to this, from the schedule's seed.</summary>
    public int FaultStepRange { get; set; } = 500;

    /// <summary>Whether a fault the simulation did not inject (a component's exception) fails the schedule.</summary>
    public bool FailOnFault { get; set; } = true;

    /// <summary>Whether schedules keep their trace of decisions (an exploration's speed without it is what the bench measures).</summary>
    public bool RecordTrace { get; set; } = true;

    /// <summary>Adds services the components' constructors take (the simulation registers the virtual <see cref="TimeProvider"/>, logging and the options).</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>The system's own settings for the simulated run (its fault policy, say); the idle-core balancer is always off.</summary>
    public SystemOptions System { get; set; } = new() { ShutdownTimeout = TimeSpan.FromSeconds(5) };
}

/// <summary>How a simulation picks the next thread to run.</summary>
public enum SchedulingStrategy
{
    /// <summary>Uniformly among the threads that can run, at every point.</summary>
    RandomWalk,

    /// <summary>Probabilistic concurrency testing: random priorities with a few random priority changes.</summary>
    Pct,
}

/// <summary>Why a schedule failed.</summary>
public enum SimulationFailureKind
{
    None,

    /// <summary>The invariant returned false or threw between two steps.</summary>
    InvariantViolated,

    /// <summary><see cref="Simulation.Assert"/> failed in a component.</summary>
    AssertionFailed,

    /// <summary>A component threw (a fault the simulation did not inject).</summary>
    ComponentFault,

    /// <summary>Every thread blocked with no timer pending.</summary>
    Deadlock,

    /// <summary>No end within <see cref="SimulationOptions.MaxSteps"/> or <see cref="SimulationOptions.MaxVirtualTime"/>.</summary>
    Livelock,

    /// <summary>A thread blocked, or ran, outside the kernel's operations.</summary>
    UncontrolledBlocking,

    /// <summary>A thread the kernel did not start used a kernel object.</summary>
    UncontrolledThread,
}

/// <summary>What a schedule may inject: a fault in a component, or a notification dropped or delayed.</summary>
public sealed class SimulatedFault
{
    private SimulatedFault(SimulatedFaultKind kind, string instance)
    {
        Kind = kind;
        Instance = instance;
    }

    public SimulatedFaultKind Kind { get; private init; }

    public string Instance { get; private init; }

    /// <summary>The notification (consumed interface) of a dropped or delayed signal.</summary>
    public string? Interface { get; private init; }

    /// <summary>Which signal of that notification (1 for the first).</summary>
    public int Occurrence { get; private init; }

    /// <summary>A component fault's step: at the first kernel operation of the instance from this step on; null for one drawn from the seed.</summary>
    public int? AtStep { get; private init; }

    /// <summary>How much later a delayed signal arrives, in virtual time.</summary>
    public TimeSpan Delay { get; private init; }

    internal SimulatedFault At(int step) => new(Kind, Instance) { Interface = Interface, Occurrence = Occurrence, AtStep = step, Delay = Delay };

    /// <summary>The instance's thread throws <see cref="InjectedFaultException"/> from a kernel operation (a signal or call it makes), as a component fault would.</summary>
    public static SimulatedFault ComponentFault(string instance, int? atStep = null) =>
        new(SimulatedFaultKind.ComponentFault, instance) { AtStep = atStep };

    /// <summary>The <paramref name="occurrence"/>th signal to <paramref name="instance"/>.<paramref name="notification"/> is lost.</summary>
    public static SimulatedFault DropSignal(string instance, string notification, int occurrence = 1) =>
        new(SimulatedFaultKind.DropSignal, instance) { Interface = notification, Occurrence = occurrence };

    /// <summary>The <paramref name="occurrence"/>th signal to <paramref name="instance"/>.<paramref name="notification"/> arrives <paramref name="delay"/> later.</summary>
    public static SimulatedFault DelaySignal(string instance, string notification, TimeSpan delay, int occurrence = 1) =>
        new(SimulatedFaultKind.DelaySignal, instance) { Interface = notification, Occurrence = occurrence, Delay = delay };
}

public enum SimulatedFaultKind
{
    ComponentFault,
    DropSignal,
    DelaySignal,
}

/// <summary>The fault a simulation injects into a component; it is not a failure of the schedule.</summary>
public sealed class InjectedFaultException(string message) : Exception(message);

/// <summary>Thrown by <see cref="Simulation.Assert"/> when its condition is false.</summary>
public sealed class SimulationAssertionException(string message) : Exception(message);
