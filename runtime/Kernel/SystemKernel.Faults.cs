using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using UxRt.Camkes.Runtime.Diagnostics;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Kernel;

/// <summary>Fault handling: record, deliver to the instance's fault handler or the log, apply the policy.</summary>
public sealed partial class SystemKernel
{
    private void ReportFault(InstanceSlot slot, string threadName, Exception exception)
    {
        var fault = RecordFault(slot, threadName, exception);
        var policy = slot.Options.FaultPolicy ?? DefaultFaultPolicy;
        switch (policy)
        {
            case FaultPolicy.Restart:
                Restart(slot, fault);
                break;
            case FaultPolicy.StopSystem:
                _logger.LogWarning("Stopping system {System} after a fault in {Instance}", Name, slot.Name);
                RequestStop();
                break;
        }
    }

    private FaultRecord RecordFault(InstanceSlot slot, string threadName, Exception exception)
    {
        var fault = new FaultRecord(slot.Name, threadName, exception);
        _faults.Enqueue(fault);
        Simulation.Controlled.Scheduler?.OnFault(fault);
        if (_meters.FaultCount.Enabled)
        {
            _meters.FaultCount.Add(1, new KeyValuePair<string, object?>(KernelTelemetry.InstanceTag, slot.Name));
        }

        if (slot.FaultHandler is { } handler)
        {
            DeliverToFaultHandler(slot, handler, fault);
        }
        else
        {
            Interlocked.Increment(ref _unhandledFaults);
            _logger.LogError(exception, "Fault in {Instance} on thread {Thread}", fault.Instance, fault.Thread);
            if (_logger is NullLogger)
            {
                // Without a logger a fault would vanish; the console is the log of last resort,
                // in the words of CAmkES's debug fault handler.
                Console.Error.WriteLine(DebugFaultReport.Describe(fault));
            }
        }

        return fault;
    }

    // The handler is another component's code, so it runs where that component runs: on its own
    // CPU when it is unicore, else on the faulted thread, unless that is a virtual CPU, which
    // must not run foreign code (nor wait for it), so the thread pool runs it. A native faulted
    // thread waits for the handler, an awaitable one included, so the policy comes after it.
    private void DeliverToFaultHandler(InstanceSlot slot, IFaultHandler handler, FaultRecord fault)
    {
        var handlerCpu = slot.FaultHandlerCpu;
        if (handlerCpu is not null && !handlerCpu.IsCurrent)
        {
            if (VirtualCpu.Current is null)
            {
                Task? handled = null;
                handlerCpu.Invoke(() => handled = HandleFault(slot, handler, fault));
                handled!.GetAwaiter().GetResult();
            }
            else
            {
                handlerCpu.Post(() => _ = HandleFault(slot, handler, fault));
            }
        }
        else if (handlerCpu is null && VirtualCpu.Current is not null)
        {
            if (!Simulation.Controlled.TryRunControlled(() => Simulation.Controlled.RunPumped(() => HandleFault(slot, handler, fault))))
            {
                _ = Task.Run(() => HandleFault(slot, handler, fault));
            }
        }
        else if (handlerCpu is not null)
        {
            // The faulted thread is the handler's own CPU, which must not wait for the rest of it.
            _ = HandleFault(slot, handler, fault);
        }
        else
        {
            HandleFault(slot, handler, fault).GetAwaiter().GetResult();
        }
    }

    // Runs the handler, awaiting an awaitable one; never faults: what the handler throws is logged.
    private async Task HandleFault(InstanceSlot slot, IFaultHandler handler, FaultRecord fault)
    {
        try
        {
            if (handler is IAsyncFaultHandler awaitable)
            {
                await awaitable.HandleFaultAsync(fault);
            }
            else
            {
                handler.HandleFault(fault);
            }
        }
        catch (Exception handlerException)
        {
            Interlocked.Increment(ref _unhandledFaults);
            _logger.LogError(handlerException, "The fault handler of {Instance} failed on {Fault}", slot.Name, fault);
        }
    }

    // Re-initialises the instance and, when the fault ended its control thread, starts a fresh one.
    // Other instances, and this one's interface threads, keep running. A unicore instance restarts
    // on its own CPU, which also serialises its restarts; a native one on the faulted thread.
    private void Restart(InstanceSlot slot, FaultRecord fault)
    {
        if (slot.Cpu is not null)
        {
            OnInstanceCpu(slot, () => RestartNow(slot, fault));
            return;
        }

        lock (slot)
        {
            RestartNow(slot, fault);
        }
    }

    private void RestartNow(InstanceSlot slot, FaultRecord fault)
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        if (slot.Restarts >= RestartLimit)
        {
            _logger.LogError("Instance {Instance} reached its restart limit ({Limit}); {Fault} is only recorded", slot.Name, RestartLimit, fault);
            return;
        }

        slot.Restarts++;
        _logger.LogWarning("Restarting instance {Instance} (restart {Count}) after {Fault}", slot.Name, slot.Restarts, fault);

        // What the previous incarnation registered goes first, so Init may register it all again.
        slot.Incarnation?.End();
        BeginIncarnation(slot);
        slot.InitFailed = !TryInit(slot);
        if (slot.InitFailed || !slot.Options.HasControl)
        {
            return;
        }

        if (fault.Thread == $"{slot.Name}.control")
        {
            // Counted before the faulted thread's own exit is, so the system never looks finished in between.
            Interlocked.Increment(ref _liveControlThreads);
            StartControlThread(slot);
        }
    }

    // A new life of the instance: a fresh StopRequested token, and nothing registered yet.
    private void BeginIncarnation(InstanceSlot slot)
    {
        var incarnation = new Incarnation(_stop.Token);
        slot.Incarnation = incarnation;
        slot.Component.BeginIncarnation(incarnation.Token);
    }

    // The control thread of an incarnation a restart ended: start the current incarnation's, unless it has one already.
    private bool ReplaceControlThread(InstanceSlot slot)
    {
        lock (slot)
        {
            if (_stop.IsCancellationRequested || slot.InitFailed || slot.Incarnation is null || slot.ControlIncarnation == slot.Incarnation)
            {
                return false;
            }

            StartControlThread(slot);
            return true;
        }
    }
}
