using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UxRt.Camkes.Runtime.Kernel;

namespace UxRt.Camkes.Runtime.Simulation;

/// <summary>
/// Deterministic simulation (README, "Simulation"): runs a whole system under one seeded scheduler on
/// virtual time, exactly one of its threads at a time, with every kernel operation a scheduling
/// point. The same seed gives the same decisions, trace and output in every run and every process,
/// so a failing schedule found by <see cref="Explore{TSystem}"/> is reproduced by <see cref="Replay{TSystem}"/>.
/// </summary>
public static class Simulation
{
    /// <summary>
    /// Runs up to <see cref="SimulationOptions.Schedules"/> schedules of <typeparamref name="TSystem"/>,
    /// seeds <see cref="SimulationOptions.Seed"/> onwards, stopping at the first that fails.
    /// </summary>
    /// <param name="invariant">Checked between every two steps; false (or an exception) fails the schedule.</param>
    public static SimulationResult Explore<TSystem>(SimulationOptions? options = null, Func<SystemKernel, bool>? invariant = null)
        where TSystem : ICamkesSystem =>
        Explore(TSystem.Create, options, invariant);

    /// <summary>Like <see cref="Explore{TSystem}"/> for a system built by <paramref name="create"/> (a kernel put together by hand).</summary>
    public static SimulationResult Explore(Func<SystemContext, SystemKernel> create, SimulationOptions? options = null, Func<SystemKernel, bool>? invariant = null)
    {
        ArgumentNullException.ThrowIfNull(create);
        options ??= new SimulationOptions();
        var clock = Stopwatch.StartNew();
        var distinct = new HashSet<ulong>();
        var explored = 0;
        ScheduleResult? failure = null;
        for (var i = 0; i < options.Schedules; i++)
        {
            // A budget stops an exploration between schedules, never before its first.
            if (i > 0 && options.TimeBudget is { } budget && clock.Elapsed > budget)
            {
                break;
            }

            var schedule = Run(create, options.Seed + i, options, invariant);
            explored++;
            distinct.Add(schedule.TraceHash);
            if (!schedule.Passed)
            {
                failure = schedule;
                break;
            }
        }

        return new SimulationResult(explored, distinct.Count, failure, clock.Elapsed);
    }

    /// <summary>Runs the one schedule of <paramref name="seed"/>: what an exploration ran for it, decision for decision.</summary>
    public static ScheduleResult Replay<TSystem>(int seed, SimulationOptions? options = null, Func<SystemKernel, bool>? invariant = null)
        where TSystem : ICamkesSystem =>
        Run(TSystem.Create, seed, options, invariant);

    /// <summary>Runs the one schedule of <paramref name="seed"/> for a system built by <paramref name="create"/>.</summary>
    public static ScheduleResult Run(Func<SystemContext, SystemKernel> create, int seed, SimulationOptions? options = null, Func<SystemKernel, bool>? invariant = null)
    {
        ArgumentNullException.ThrowIfNull(create);
        options ??= new SimulationOptions();
        var scheduler = new SimulationScheduler(seed, options) { Invariant = invariant };
        SystemKernel? kernel = null;
        IReadOnlyList<string> notStopped = [];
        scheduler.Run(
            () =>
            {
                kernel = create(ContextFor(scheduler, options));
                scheduler.Kernel = kernel;
                kernel.Start();
                // No timeout here: the scheduler bounds virtual time, and a timed wait would hide a deadlock behind its deadline.
                kernel.WaitUntilFinished(Timeout.InfiniteTimeSpan);

                notStopped = kernel.Stop();
                if (notStopped.Count > 0 && !scheduler.IsFree)
                {
                    scheduler.Fail(SimulationFailureKind.Deadlock, $"threads did not stop: {string.Join("; ", notStopped)}");
                }
            },
            () => kernel?.RequestStop());
        return new ScheduleResult(
            seed,
            options.Strategy,
            scheduler.Failure,
            scheduler.FailureMessage,
            scheduler.FailureStep,
            scheduler.Steps,
            TimeSpan.FromTicks(scheduler.Now),
            scheduler.Trace(),
            scheduler.Output,
            scheduler.TraceHash);
    }

    /// <summary>
    /// An assertion inside a component: false fails the schedule (naming <paramref name="message"/>)
    /// and throws <see cref="SimulationAssertionException"/> to stop the component. Outside a
    /// simulation it throws all the same, so the check holds in ordinary runs too.
    /// </summary>
    public static void Assert(bool condition, string message)
    {
        if (condition)
        {
            return;
        }

        Controlled.Scheduler?.Fail(SimulationFailureKind.AssertionFailed, message);
        throw new SimulationAssertionException(message);
    }

    /// <summary>Adds a line to the running schedule's output (<see cref="ScheduleResult.Output"/>); nothing outside a simulation.</summary>
    public static void Log(string line) => Controlled.Scheduler?.Log(line);

    /// <summary>Whether the calling thread runs under a simulation.</summary>
    public static bool IsSimulated => Controlled.Scheduler is not null;

    // Components get the virtual clock as their TimeProvider, and the kernel's log lines become output.
    private static SystemContext ContextFor(SimulationScheduler scheduler, SimulationOptions options)
    {
        var system = options.System;
        var settings = new SystemOptions
        {
            ShutdownTimeout = system.ShutdownTimeout,
            RestartLimit = system.RestartLimit,
            DefaultFaultPolicy = system.DefaultFaultPolicy,
            CpuHoldLimit = system.CpuHoldLimit,
            EnableIdleBalancer = false,
        };
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(new OutputLoggerFactory(scheduler));
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton<TimeProvider>(scheduler.Time);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(settings));
        options.ConfigureServices?.Invoke(services);
        return new SystemContext(services.BuildServiceProvider(), settings);
    }

    private sealed class OutputLoggerFactory(SimulationScheduler scheduler) : ILoggerFactory, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("a simulation's log is its output");

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                scheduler.Log($"{logLevel}: {formatter(state, exception)}");
            }
        }

        public void Dispose()
        {
        }
    }
}

/// <summary>What an exploration found.</summary>
public sealed class SimulationResult
{
    internal SimulationResult(int schedulesExplored, int distinctSchedules, ScheduleResult? failure, TimeSpan elapsed)
    {
        SchedulesExplored = schedulesExplored;
        DistinctSchedules = distinctSchedules;
        Failure = failure;
        Elapsed = elapsed;
    }

    /// <summary>How many schedules ran.</summary>
    public int SchedulesExplored { get; }

    /// <summary>How many of them made different decisions: the distinct interleavings seen.</summary>
    public int DistinctSchedules { get; }

    /// <summary>The first schedule that failed, or null.</summary>
    public ScheduleResult? Failure { get; }

    /// <summary>Real time the exploration took.</summary>
    public TimeSpan Elapsed { get; }

    public bool Passed => Failure is null;

    /// <summary>The seed that reproduces <see cref="Failure"/> (<see cref="Simulation.Replay{TSystem}"/>).</summary>
    public int? FailingSeed => Failure?.Seed;

    public override string ToString() =>
        Failure is null
            ? $"{SchedulesExplored} schedules ({DistinctSchedules} distinct) passed in {Elapsed.TotalSeconds:0.00} s"
            : $"schedule {SchedulesExplored} of the exploration failed: {Failure}";
}

/// <summary>One schedule: how it ended, its decisions and its output.</summary>
public sealed class ScheduleResult
{
    internal ScheduleResult(int seed, SchedulingStrategy strategy, SimulationFailureKind failure, string? message, int? failureStep, int steps, TimeSpan virtualTime, IReadOnlyList<string> trace, IReadOnlyList<string> output, ulong traceHash)
    {
        Seed = seed;
        Strategy = strategy;
        Failure = failure;
        Message = message;
        FailureStep = failureStep;
        Steps = steps;
        VirtualTime = virtualTime;
        Trace = trace;
        Output = output;
        TraceHash = traceHash;
    }

    /// <summary>What <see cref="Simulation.Replay{TSystem}"/> takes to run this schedule again.</summary>
    public int Seed { get; }

    public SchedulingStrategy Strategy { get; }

    /// <summary>Why it failed; <see cref="SimulationFailureKind.None"/> when it passed.</summary>
    public SimulationFailureKind Failure { get; }

    /// <summary>The failure, in words: what failed, where, and for a deadlock the wait-for graph.</summary>
    public string? Message { get; }

    /// <summary>The step the failure was seen at.</summary>
    public int? FailureStep { get; }

    /// <summary>Scheduling points passed.</summary>
    public int Steps { get; }

    /// <summary>Virtual time at the end.</summary>
    public TimeSpan VirtualTime { get; }

    /// <summary>Each decision: step, the thread that reached the point, the point, the thread chosen to run.</summary>
    public IReadOnlyList<string> Trace { get; }

    /// <summary>The kernel's log and <see cref="Simulation.Log"/> lines, in order.</summary>
    public IReadOnlyList<string> Output { get; }

    /// <summary>A hash of the decisions (which thread ran at each step): equal for the same interleaving.</summary>
    public ulong TraceHash { get; }

    public bool Passed => Failure == SimulationFailureKind.None;

    /// <summary>The trace as one text, a line per decision: what two runs of a seed must agree on byte for byte.</summary>
    public string TraceText => string.Join('\n', Trace);

    public override string ToString() =>
        Passed
            ? $"seed {Seed} ({Strategy}) passed: {Steps} steps, {VirtualTime.TotalMilliseconds:0.###} ms of virtual time"
            : $"seed {Seed} ({Strategy}) failed at step {FailureStep}: {Failure}: {Message} (replay it with Simulation.Replay<TSystem>({Seed}, options))";
}
