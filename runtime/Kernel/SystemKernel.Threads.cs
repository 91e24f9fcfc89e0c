using UxRt.Camkes.Runtime.Components;
using UxRt.Camkes.Runtime.Diagnostics;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Rpc;
using UxRt.Camkes.Runtime.Threading;
using Microsoft.Extensions.Logging;

namespace UxRt.Camkes.Runtime.Kernel;

/// <summary>The threads, timers and virtual CPUs of instances: starting them through each instance's threading model, and watching the CPUs.</summary>
public sealed partial class SystemKernel
{
    private readonly List<ITimer> _timers = new();

    // What each thread runs, by the user method's name, for the report of threads that did not stop.
    private readonly Dictionary<IComponentThread, Func<string?>> _runningMethods = new();

    private IComponentThread Track(IComponentThread thread, Func<string?> runningMethod)
    {
        lock (_threads)
        {
            _threads.Add(thread);
            _runningMethods[thread] = runningMethod;
        }

        Place(thread);
        return thread;
    }

    // A CPU reports what escapes its work items and what holds it too long; both name its instance.
    private void WatchCpu(InstanceSlot slot, VirtualCpu cpu)
    {
        cpu.KnownWorkItemNamer = NameCarriedCall;
        cpu.UnhandledException += exception => ReportFault(slot, $"{slot.Name}.cpu", exception);
        cpu.Stalled += stall =>
        {
            _faults.Enqueue(new FaultRecord(slot.Name, $"{slot.Name}.cpu", new CpuHeldTooLongException(stall)));
            if (_meters.CpuStallCount.Enabled)
            {
                _meters.CpuStallCount.Add(1, new KeyValuePair<string, object?>(KernelTelemetry.InstanceTag, slot.Name));
            }

            _logger.LogWarning("Watchdog: {Stall}", stall);
        };
    }

    // A call carried onto a CPU (a passive or direct interface's) is named by its handler, as its component declares it.
    private string? NameCarriedCall(object? callback, object? state) =>
        state is CallReply { Carrier: { } endpoint } reply && _instances.TryGetValue(endpoint.Instance, out var server)
            ? UserMethods.Handler(server.Component, endpoint.Interface, endpoint.MethodName(reply.Frame.Method))
            : null;

    // Runs `action` on the instance's CPU when it has one (never waiting on another CPU), else right here.
    private static void OnInstanceCpu(InstanceSlot slot, Action action)
    {
        if (slot.Cpu is { } cpu && !cpu.IsCurrent)
        {
            if (VirtualCpu.Current is not null)
            {
                cpu.Post(action);
            }
            else
            {
                cpu.Invoke(action);
            }

            return;
        }

        action();
    }

    private Task StartUserThread(InstanceSlot slot, string name, Func<Task> body)
    {
        var threadName = $"{slot.Name}.{name}";
        var incarnation = slot.Incarnation;
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Track(slot.Options.Threading.StartAsync(threadName, slot.Options.ControlThread, async () =>
        {
            try
            {
                await body();
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested || incarnation is { Token.IsCancellationRequested: true })
            {
                // Leaving through StopRequested is an orderly end, at the system's stop or the instance's restart.
            }
            catch (Exception exception)
            {
                ReportFault(slot, threadName, exception);
            }
            finally
            {
                ended.TrySetResult();
            }
        }), () => UserMethods.Body(slot.Component, body, name));
        return ended.Task;
    }

    private IDisposable StartTimer(InstanceSlot slot, TimeSpan period, Action tick)
    {
        var threadName = $"{slot.Name}.timer";
        var incarnation = slot.Incarnation;
        void RunTick()
        {
            // A tick already queued when its incarnation ended belongs to a component that was restarted since.
            if (_stop.IsCancellationRequested || incarnation is { IsOver: true })
            {
                return;
            }

            try
            {
                tick();
            }
            catch (Exception exception)
            {
                ReportFault(slot, threadName, exception);
            }
        }

        var cpu = slot.Cpu;
        var timer = _time.CreateTimer(_ =>
        {
            // A unicore component's timer is an interrupt: its tick is queued onto the CPU like any other work.
            if (cpu is not null)
            {
                cpu.Post(RunTick);
            }
            else
            {
                RunTick();
            }
        }, null, period, period);
        lock (_timers)
        {
            _timers.Add(timer);
        }

        slot.Own(timer);
        return timer;
    }

    private void StopTimers()
    {
        lock (_timers)
        {
            _timers.ForEach(timer => timer.Dispose());
            _timers.Clear();
        }
    }

    /// <summary>What a component asks of the kernel for itself (see <see cref="Component"/>).</summary>
    private sealed class InstanceServices(SystemKernel kernel, InstanceSlot slot) : IComponentServices
    {
        public VirtualCpu? Cpu => slot.Cpu;

        public Task StartThread(string name, Func<Task> body) => kernel.StartUserThread(slot, name, body);

        public IDisposable StartTimer(TimeSpan period, Action tick) => kernel.StartTimer(slot, period, tick);

        public TimeProvider Time => kernel._time;
    }
}
