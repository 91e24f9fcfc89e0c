using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using UxRt.Camkes.Runtime.Components;
using UxRt.Camkes.Runtime.Dataports;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Notifications;
using UxRt.Camkes.Runtime.Rpc;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Kernel;

/// <summary>
/// Owns a running system: its instances, the kernel objects that connect them and every thread.
/// Start-up follows CAmkES: every instance's <c>Init</c>, then the interface and event threads,
/// then the control threads. The system stops when every control thread has returned, on
/// <see cref="RequestStop"/>, or on Ctrl+C under <see cref="Run"/>; stopping joins every thread
/// the kernel started within <see cref="ShutdownTimeout"/> and reports those that did not stop.
/// </summary>
public sealed partial class SystemKernel : IDisposable
{
    private readonly Dictionary<string, InstanceSlot> _instances = new(StringComparer.Ordinal);
    private readonly List<InstanceSlot> _instanceOrder = new();
    private readonly List<Endpoint> _endpoints = new();
    private readonly List<(ThreadedEndpoint Endpoint, ThreadSettings Settings)> _servedEndpoints = new();
    private readonly List<IComponentThread> _threads = new();
    private readonly ConcurrentQueue<FaultRecord> _faults = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ManualResetEventSlim _runEnded = new();
    private readonly ManualResetEventSlim _controlThreadsReturned = new();
    private readonly ILogger _logger;
    private int _liveControlThreads;
    private int _unhandledFaults;
    private bool _started;
    private bool _stopped;

    public SystemKernel(string name, ILogger? logger = null)
    {
        Name = name;
        _logger = logger ?? NullLogger.Instance;
    }

    public string Name { get; }

    /// <summary>Faults recorded so far, in the order they happened.</summary>
    public IReadOnlyCollection<FaultRecord> Faults => _faults;

    /// <summary>How long <see cref="Stop"/> waits for threads to finish before reporting them.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The fault policy of instances whose options do not set one.</summary>
    public FaultPolicy DefaultFaultPolicy { get; init; } = FaultPolicy.Continue;

    /// <summary>How many times one instance may be restarted before its faults are only recorded.</summary>
    public int RestartLimit { get; init; } = 3;

    /// <summary>Cancelled when the system starts stopping.</summary>
    public CancellationToken StopToken => _stop.Token;

    /// <summary>Every thread the kernel has started, running or not.</summary>
    public IReadOnlyList<IComponentThread> Threads
    {
        get
        {
            lock (_threads)
            {
                return _threads.ToArray();
            }
        }
    }

    public TComponent AddInstance<TComponent>(string name, TComponent component, bool hasControl)
        where TComponent : Component =>
        AddInstance(name, component, new InstanceOptions { HasControl = hasControl });

    public TComponent AddInstance<TComponent>(string name, TComponent component, InstanceOptions options)
        where TComponent : Component
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(options);
        EnsureNotStarted();
        if (_instances.ContainsKey(name))
        {
            throw new ArgumentException($"instance '{name}' already exists", nameof(name));
        }

        component.Attach(name, _stop.Token, RequestStop);
        var slot = new InstanceSlot(name, component, options);
        _instances.Add(name, slot);
        _instanceOrder.Add(slot);
        return component;
    }

    /// <summary>seL4RPCCall: <paramref name="instance"/>.<paramref name="interfaceName"/> served by its own interface thread.</summary>
    public ThreadedEndpoint Serve(string instance, string interfaceName, ICallDispatcher dispatcher, ThreadSettings thread = default)
    {
        EnsureNotStarted();
        var endpoint = new ThreadedEndpoint(instance, interfaceName, dispatcher, CpuOf(instance));
        _endpoints.Add(endpoint);
        _servedEndpoints.Add((endpoint, thread));
        return endpoint;
    }

    /// <summary><c>&lt;iface&gt;_passive = true</c>: the handler runs on the caller's thread, one call at a time.</summary>
    public PassiveEndpoint ServePassive(string instance, string interfaceName, ICallDispatcher dispatcher)
    {
        EnsureNotStarted();
        var endpoint = new PassiveEndpoint(instance, interfaceName, dispatcher, CpuOf(instance));
        _endpoints.Add(endpoint);
        return endpoint;
    }

    /// <summary>seL4DirectCall: the handler is called directly on the caller's thread.</summary>
    public DirectEndpoint ServeDirect(string instance, string interfaceName, ICallDispatcher dispatcher)
    {
        EnsureNotStarted();
        var endpoint = new DirectEndpoint(instance, interfaceName, dispatcher, CpuOf(instance));
        _endpoints.Add(endpoint);
        return endpoint;
    }

    /// <summary>The notification behind <paramref name="instance"/>'s <c>consumes</c> interface; its callbacks run on the instance's event thread.</summary>
    public Notification CreateNotification(string instance, string interfaceName, NotificationMode mode = NotificationMode.Coalescing)
    {
        EnsureNotStarted();
        var slot = Slot(instance);
        slot.EventLoop ??= new EventLoop(instance);
        return new Notification(instance, interfaceName, mode, slot.EventLoop);
    }

    /// <summary>The memory shared by every end of a dataport connection.</summary>
    public SharedRegion CreateSharedRegion(string connection, int size = SharedRegion.DefaultSize)
    {
        EnsureNotStarted();
        return new SharedRegion(connection, size);
    }

    /// <summary>Sends faults of <paramref name="instance"/> to <paramref name="handler"/> (<c>inst.fault_handler</c>).</summary>
    public void SetFaultHandler(string instance, IFaultHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        EnsureNotStarted();
        var slot = Slot(instance);
        slot.FaultHandler = handler;
        slot.FaultHandlerCpu = _instanceOrder.FirstOrDefault(s => ReferenceEquals(s.Component, handler))?.Options.Threading.VirtualCpu;
    }

    public void Start()
    {
        EnsureNotStarted();
        _started = true;
        _logger.LogInformation("Starting system {System} with {Count} instances", Name, _instances.Count);
        foreach (var slot in _instanceOrder)
        {
            slot.InitFailed = !TryInit(slot);
        }

        // A server whose Init failed is not served: its callers get a fault instead of a half-made component.
        foreach (var endpoint in _endpoints.Where(e => _instances.TryGetValue(e.Instance, out var server) && server.InitFailed))
        {
            endpoint.Close();
        }

        foreach (var (endpoint, settings) in _servedEndpoints)
        {
            var threading = _instances.TryGetValue(endpoint.Instance, out var server) ? server.Options.Threading : NativeThreadingModel.Instance;
            Track(threading.Start($"{endpoint.Instance}.{endpoint.Interface}", settings, endpoint.Serve));
        }

        var running = _instanceOrder.Where(s => !s.InitFailed).ToList();
        foreach (var slot in running.Where(s => s.EventLoop is not null))
        {
            var eventLoop = slot.EventLoop!;
            Track(slot.Options.Threading.Start(
                $"{slot.Name}.events",
                slot.Options.ControlThread,
                () => eventLoop.Run(exception => ReportFault(slot, $"{slot.Name}.events", exception), _stop.Token)));
        }

        var controlled = running.Where(s => s.Options.HasControl).ToList();
        _liveControlThreads = controlled.Count;
        if (controlled.Count == 0)
        {
            // A system of servers only runs until it is asked to stop.
            _controlThreadsReturned.Set();
        }

        foreach (var slot in controlled)
        {
            StartControlThread(slot);
        }
    }

    /// <summary>Asks the system to stop; <see cref="Run"/> then stops it. Safe from any thread.</summary>
    public void RequestStop()
    {
        _logger.LogInformation("Stop of system {System} requested", Name);
        _runEnded.Set();
    }

    /// <summary>Waits until every control thread has returned or a stop was requested; false if <paramref name="timeout"/> passed first.</summary>
    public bool WaitUntilFinished(TimeSpan timeout) => _runEnded.Wait(timeout);

    /// <summary>Waits until every control thread has returned (restarted ones included); false if <paramref name="timeout"/> passed first.</summary>
    public bool WaitForControlThreads(TimeSpan timeout) => _controlThreadsReturned.Wait(timeout);

    /// <summary>
    /// Stops the system: cancels <see cref="StopToken"/> (components' <c>StopRequested</c>), closes
    /// every endpoint and joins every thread within <see cref="ShutdownTimeout"/>. Returns the names
    /// of threads that did not stop in time.
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
        _runEnded.Set();
        foreach (var endpoint in _endpoints)
        {
            endpoint.Close();
        }

        var deadline = Deadline.After(ShutdownTimeout);
        var stuck = Threads.Where(thread => !thread.Join(deadline.Remaining)).Select(thread => thread.Name).ToList();
        foreach (var name in stuck)
        {
            _logger.LogWarning("Thread {Thread} of system {System} did not stop within {Timeout}", name, Name, ShutdownTimeout);
        }

        _logger.LogInformation("System {System} stopped", Name);
        return stuck;
    }

    /// <summary>
    /// Starts the system and runs it until every control thread has returned, a stop is requested
    /// or the user presses Ctrl+C; then stops it. Returns 0, or 1 after a fault that no fault
    /// handler took, or when a thread did not stop.
    /// </summary>
    public int Run()
    {
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            RequestStop();
        };

        Console.CancelKeyPress += onCancel;
        try
        {
            Start();
            _runEnded.Wait();
            var stuck = Stop();
            return Volatile.Read(ref _unhandledFaults) == 0 && stuck.Count == 0 ? 0 : 1;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    public void Dispose()
    {
        if (_started)
        {
            Stop();
        }

        _stop.Dispose();
    }

    private void StartControlThread(InstanceSlot slot)
    {
        var name = $"{slot.Name}.control";
        Track(slot.Options.Threading.Start(name, slot.Options.ControlThread, () => RunControl(slot, name)));
    }

    private void RunControl(InstanceSlot slot, string threadName)
    {
        try
        {
            slot.Component.Run();
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Leaving Run through StopRequested is an orderly stop, not a fault.
        }
        catch (Exception exception)
        {
            ReportFault(slot, threadName, exception);
        }
        finally
        {
            if (Interlocked.Decrement(ref _liveControlThreads) == 0)
            {
                _logger.LogInformation("Every control thread of system {System} has returned", Name);
                _controlThreadsReturned.Set();
                _runEnded.Set();
            }
        }
    }

    private bool TryInit(InstanceSlot slot)
    {
        try
        {
            slot.Component.Init();
            return true;
        }
        catch (Exception exception)
        {
            RecordFault(slot, $"{slot.Name}.init", exception);
            return false;
        }
    }

    private IComponentThread Track(IComponentThread thread)
    {
        lock (_threads)
        {
            _threads.Add(thread);
        }

        var settings = thread.Settings;
        _logger.LogDebug(
            "Started thread {Thread} at {OsPriority} (priority {Priority}, affinity {Affinity} recorded, stack {StackSize} bytes)",
            thread.Name,
            settings.OsPriority,
            settings.Priority,
            settings.Affinity,
            settings.StackSize);
        return thread;
    }

    // Handlers of a unicore server run on its virtual CPU, whichever thread delivers the call.
    private VirtualCpu? CpuOf(string instance) =>
        _instances.TryGetValue(instance, out var slot) ? slot.Options.Threading.VirtualCpu : null;

    private InstanceSlot Slot(string instance) =>
        _instances.TryGetValue(instance, out var slot) ? slot : throw new ArgumentException($"no instance '{instance}'", nameof(instance));

    private void EnsureNotStarted()
    {
        if (_started)
        {
            throw new InvalidOperationException("The system has already been started; its structure is fixed.");
        }
    }
}
