using Microsoft.Extensions.Logging;
using UxRt.Camkes.Runtime.Rpc;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Kernel;

/// <summary>
/// Stopping: the stop contract (when <see cref="Stop"/> returns, every call accepted anywhere has
/// been answered or failed with a fault that says "system stopping") and the report of what did not stop.
/// </summary>
public sealed partial class SystemKernel
{
    /// <summary>
    /// Stops the system: cancels <see cref="StopToken"/> (components' <c>StopRequested</c>), closes
    /// every endpoint (failing the calls still queued), joins every thread within
    /// <see cref="ShutdownTimeout"/>, then fails every call still unanswered, including those of a
    /// handler that never returns. Returns one entry per thread that did not stop in time: its
    /// name, then the user method it was running (<c>server.calc (in Server.Add)</c>).
    /// </summary>
    public IReadOnlyList<string> Stop()
    {
        lock (_threads)
        {
            if (_stopped)
            {
                return Array.Empty<string>();
            }

            _stopped = true;
        }

        _stop.Cancel();
        EndRun();
        StopTimers();
        foreach (var endpoint in _endpoints)
        {
            endpoint.Close(Endpoint.SystemStopping);
        }

        var deadline = Deadline.After(ShutdownTimeout);
        StopBalancer(deadline);
        var running = Threads.Where(thread => !thread.Join(deadline.Remaining)).ToList();

        // Whatever is unanswered now will not be in time: its handler is stuck (or its CPU has
        // stopped). Failing it frees its callers, so the threads that only waited for it end too.
        foreach (var endpoint in _endpoints)
        {
            endpoint.FailOutstanding();
        }

        var grace = Deadline.After(running.Count == 0 ? TimeSpan.Zero : FailedCallGrace);
        var stuck = running.Where(thread => !thread.Join(grace.Remaining)).Select(Described).ToList();

        // The CPUs go last: until their lightweight threads have ended they are still running them.
        // A CPU between work items ends as soon as it looks, so only one still running an item is stuck.
        // A CPU may still be running the continuation that a failed call just resumed: it gets the grace too.
        var cpuBound = Deadline.After(deadline.Remaining > CpuGrace ? deadline.Remaining : CpuGrace);
        foreach (var slot in _instanceOrder.Where(s => s.Cpu is not null))
        {
            var cpu = slot.Cpu!;
            if (!cpu.Stop(cpuBound.Remaining) && cpu.TryGetRunning(out var callback, out var state))
            {
                stuck.Add($"{cpu.Name}.cpu (in {cpu.NameWorkItem(callback, state)})");
            }
        }

        // A call posted to a CPU as it stopped was dropped with its queue: it is failed here.
        foreach (var endpoint in _endpoints)
        {
            endpoint.FailOutstanding();
        }

        foreach (var name in stuck)
        {
            _logger.LogWarning("Thread {Thread} of system {System} did not stop within {Timeout}", name, Name, ShutdownTimeout);
        }

        _logger.LogInformation("System {System} stopped", Name);
        return stuck;
    }

    // How long a thread that waited for a call failed at the deadline gets to end before it is reported.
    private TimeSpan FailedCallGrace => ShutdownTimeout < TimeSpan.FromMilliseconds(100) ? ShutdownTimeout : TimeSpan.FromMilliseconds(100);

    // A CPU resuming a failed call's continuation gets this long whatever the shutdown timeout: what
    // catching the fault costs on a loaded machine. A CPU that is done stops at once, so it costs nothing then.
    private static readonly TimeSpan CpuGrace = TimeSpan.FromMilliseconds(100);

    private string Described(IComponentThread thread)
    {
        Func<string?>? runningMethod;
        lock (_threads)
        {
            _runningMethods.TryGetValue(thread, out runningMethod);
        }

        return runningMethod?.Invoke() is { } method ? $"{thread.Name} (in {method})" : thread.Name;
    }
}
