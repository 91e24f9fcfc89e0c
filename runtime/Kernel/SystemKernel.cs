using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using UxRt.Camkes.Runtime.Components;
using UxRt.Camkes.Runtime.Dataports;
using UxRt.Camkes.Runtime.Diagnostics;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Notifications;
using UxRt.Camkes.Runtime.Rpc;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Kernel;

/// <summary>
/// Owns a running system: its instances, the kernel objects that connect them and every thread.
/// Start-up follows CAmkES: every instance's <c>Init</c>, then the interface and event threads,
/// then the control threads. The system stops when every control thread has returned, on
/// <see cref="RequestStop"/>, or when <see cref="RunAsync"/>'s token is cancelled; stopping joins every thread
/// the kernel started within <see cref="ShutdownTimeout"/> and reports those that did not stop.
/// </summary>
public sealed partial class SystemKernel : IDisposable, IAsyncDisposable
{
    private readonly Dictionary<string, InstanceSlot> _instances = new(StringComparer.Ordinal);
    private readonly List<InstanceSlot> _instanceOrder = new();
    private readonly List<Endpoint> _endpoints = new();
    private readonly List<(Endpoint Endpoint, ThreadSettings Settings, int Threads)> _servedEndpoints = new();
    private readonly List<IComponentThread> _threads = new();
    private readonly List<(Notification Notification, InstanceSlot Consumer, string Interface)> _boundNotifications = new();
    private readonly Dictionary<string, GlobalEndpoint> _globalEndpoints = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FaultRecord> _faults = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ManualResetEventSlim _runEnded = new();
    private readonly ManualResetEventSlim _controlThreadsReturned = new();
    private readonly ILogger _logger;
    private int _liveControlThreads;
    private int _unhandledFaults;
    private bool _started;
    private bool _stopped;
    private readonly TimeSpan _cpuHoldLimit = VirtualCpu.DefaultHoldLimit;
    private readonly KernelMeters _meters = KernelMeters.Process;
    private readonly TimeProvider _time;

    public SystemKernel(string name, ILogger? logger = null)
        : this(name, new SystemOptions(), logger)
    {
    }

    /// <summary>A system whose settings come from <paramref name="options"/> (validated here: a bad value throws <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> naming its key).</summary>
    public SystemKernel(string name, SystemOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        SystemOptionsValidator.ThrowIfInvalid(options);
        Name = name;
        _logger = logger ?? NullLogger.Instance;
        ShutdownTimeout = options.ShutdownTimeout;
        RestartLimit = options.RestartLimit;
        DefaultFaultPolicy = options.DefaultFaultPolicy;
        _cpuHoldLimit = options.CpuHoldLimit;
        _time = Simulation.Controlled.Scheduler?.Time ?? TimeProvider.System;
        if (options.EnableIdleBalancer)
        {
            EnableIdleBalancer(options.IdleBalancer);
        }
    }

    /// <summary>A system built by a generated <c>Create</c>: settings, logging and services from <paramref name="context"/>.</summary>
    public SystemKernel(string name, SystemContext context)
        : this(name, (context ?? throw new ArgumentNullException(nameof(context))).Options, context.LoggerFactory.CreateLogger(name))
    {
        // Under a host, metrics go through its meter factory, as its logs go through its logger factory.
        _meters = KernelMeters.From(context.Services.GetService(typeof(IMeterFactory)) as IMeterFactory);

        // Timers and delays run on the clock the components are given (a simulation's virtual one, say).
        if (context.Services.GetService(typeof(TimeProvider)) is TimeProvider time)
        {
            _time = time;
        }
    }

    /// <summary>Where this system's endpoints and notifications count their work.</summary>
    internal KernelMeters Meters => _meters;

    public string Name { get; }

    /// <summary>Faults recorded so far, in the order they happened.</summary>
    public IReadOnlyCollection<FaultRecord> Faults => _faults;

    /// <summary>How long <see cref="Stop"/> waits for threads to finish before reporting them (<see cref="SystemOptions.ShutdownTimeout"/>).</summary>
    public TimeSpan ShutdownTimeout { get; init; }

    /// <summary>The fault policy of instances whose options do not set one (<see cref="SystemOptions.DefaultFaultPolicy"/>).</summary>
    public FaultPolicy DefaultFaultPolicy { get; init; }

    /// <summary>How many times one instance may be restarted before its faults are only recorded (<see cref="SystemOptions.RestartLimit"/>).</summary>
    public int RestartLimit { get; init; }

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

    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public TComponent AddInstance<TComponent>(string name, TComponent component, bool hasControl)
        where TComponent : Component =>
        AddInstance(name, component, new InstanceOptions { HasControl = hasControl });

    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
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

        var slot = new InstanceSlot(name, component, options);
        slot.Cpu?.UseDefaultHoldLimit(_cpuHoldLimit);
        component.Attach(name, _stop.Token, RequestStop, new InstanceServices(this, slot));
        if (slot.Cpu is { } cpu)
        {
            WatchCpu(slot, cpu);
        }

        _instances.Add(name, slot);
        _instanceOrder.Add(slot);
        return component;
    }

    /// <summary>
    /// The component of instance <paramref name="name"/>, for the host that built the system (its
    /// tests, say). Components never get this: they reach each other only through connections.
    /// </summary>
    public TComponent GetInstance<TComponent>(string name)
        where TComponent : Component
    {
        if (!_instances.TryGetValue(name, out var slot))
        {
            throw new KeyNotFoundException($"system '{Name}' has no instance '{name}'");
        }

        return slot.Component as TComponent
            ?? throw new InvalidCastException($"instance '{name}' is a {slot.Component.GetType().Name}, not a {typeof(TComponent).Name}");
    }

    /// <summary>
    /// seL4RPCCall: <paramref name="instance"/>.<paramref name="interfaceName"/> served by its own
    /// interface thread: an OS thread for a native server, a lightweight thread on its CPU for a unicore one.
    /// </summary>
    /// <param name="threads">How many interface threads serve the interface (the connector's <c>with N threads</c>).</param>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public Endpoint Serve(string instance, string interfaceName, ICallDispatcher dispatcher, ThreadSettings thread = default, int threads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        return CpuOf(instance) is { } cpu
            ? ServeOnCpu(new CpuEndpoint(instance, interfaceName, new SynchronousDispatcher(dispatcher), cpu, hasInterfaceThread: true, threads), thread)
            : threads == 1
                ? Register(new ThreadedEndpoint(instance, interfaceName, dispatcher), thread)
                : Register(new MultiThreadedEndpoint(instance, interfaceName, dispatcher, threads), thread, threads);
    }

    /// <summary>seL4RPCCall into a unicore server whose handlers may await.</summary>
    /// <param name="threads">How many lightweight interface threads serve the interface (the connector's <c>with N threads</c>).</param>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public Endpoint Serve(string instance, string interfaceName, IAsyncCallDispatcher dispatcher, ThreadSettings thread = default, int threads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        return ServeOnCpu(new CpuEndpoint(instance, interfaceName, dispatcher, UnicoreCpuOf(instance), hasInterfaceThread: true, threads), thread);
    }

    /// <summary>
    /// <c>&lt;iface&gt;_passive = true</c>: no interface thread, one call at a time. A native server's
    /// handler runs on the caller's thread; a unicore server's as a work item on its CPU, the next
    /// call only once the one before has replied, even when its handler awaits.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public Endpoint ServePassive(string instance, string interfaceName, ICallDispatcher dispatcher) =>
        CpuOf(instance) is { } cpu
            ? ServeOnCpu(new CpuEndpoint(instance, interfaceName, new SynchronousDispatcher(dispatcher), cpu, hasInterfaceThread: false) { ServesOneCallAtATime = true }, default)
            : Register(new PassiveEndpoint(instance, interfaceName, dispatcher), null);

    /// <summary><c>&lt;iface&gt;_passive = true</c> on a unicore server whose handlers may await: one call at a time all the same.</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public Endpoint ServePassive(string instance, string interfaceName, IAsyncCallDispatcher dispatcher) =>
        ServeOnCpu(new CpuEndpoint(instance, interfaceName, dispatcher, UnicoreCpuOf(instance), hasInterfaceThread: false) { ServesOneCallAtATime = true }, default);

    /// <summary>
    /// seL4DirectCall: a native server's handler is called directly on the caller's thread; a
    /// unicore server's runs as a work item on its CPU.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public Endpoint ServeDirect(string instance, string interfaceName, ICallDispatcher dispatcher) =>
        CpuOf(instance) is { } cpu
            ? ServeOnCpu(new CpuEndpoint(instance, interfaceName, new SynchronousDispatcher(dispatcher), cpu, hasInterfaceThread: false), default)
            : Register(new DirectEndpoint(instance, interfaceName, dispatcher), null);

    /// <summary>seL4DirectCall into a unicore server whose handlers may await.</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public Endpoint ServeDirect(string instance, string interfaceName, IAsyncCallDispatcher dispatcher) =>
        ServeOnCpu(new CpuEndpoint(instance, interfaceName, dispatcher, UnicoreCpuOf(instance), hasInterfaceThread: false), default);

    /// <summary>
    /// The notification behind <paramref name="instance"/>'s <c>consumes</c> interface. Its callbacks
    /// run on the instance's event thread or, with <paramref name="boundTo"/> (seL4NotificationBind),
    /// on the interface thread that serves the instance's provided interface of that name, between
    /// two of its calls and never during one. The binding is made when the system starts, so the
    /// interface may be served after this call.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public Notification CreateNotification(string instance, string interfaceName, NotificationMode mode = NotificationMode.Coalescing, string? boundTo = null)
    {
        EnsureNotStarted();
        var slot = Slot(instance);
        if (boundTo is null)
        {
            return new Notification(instance, interfaceName, mode, EventLoopOf(slot)) { OwnRegistration = slot.Own, Meters = _meters };
        }

        var notification = new Notification(instance, interfaceName, mode, callbackRunner: null) { OwnRegistration = slot.Own, Meters = _meters };
        _boundNotifications.Add((notification, slot, boundTo));
        return notification;
    }

    /// <summary>
    /// <paramref name="instance"/>'s global endpoint: the notification its seL4GlobalAsynch or
    /// seL4GlobalAsynchCallback <c>consumes</c> end waits on, which connectors such as seL4VirtQueues
    /// signal. The same object for every caller, whichever is wired first.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public GlobalEndpoint GlobalEndpointOf(string instance)
    {
        EnsureNotStarted();
        _ = Slot(instance);
        if (!_globalEndpoints.TryGetValue(instance, out var endpoint))
        {
            endpoint = new GlobalEndpoint(instance);
            _globalEndpoints.Add(instance, endpoint);
        }

        return endpoint;
    }

    /// <summary>
    /// The notification behind <paramref name="instance"/>'s <c>consumes</c> end of a global connector,
    /// made its global endpoint; an instance has one, so a second such end shares the first's.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public Notification CreateGlobalEndpointNotification(string instance, string interfaceName, NotificationMode mode = NotificationMode.Coalescing) =>
        GlobalEndpointOf(instance).Attach(CreateNotification(instance, interfaceName, mode));

    /// <summary>The memory shared by every end of a dataport connection.</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public SharedRegion CreateSharedRegion(string connection, int size = SharedRegion.DefaultSize)
    {
        EnsureNotStarted();
        return new SharedRegion(connection, size);
    }

    /// <summary>Sends faults of <paramref name="instance"/> to <paramref name="handler"/> (<c>inst.fault_handler</c>).</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
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
        BindNotifications();
        PlaceVirtualCpus();
        foreach (var slot in _instanceOrder)
        {
            BeginIncarnation(slot);
            slot.InitFailed = !InitOnInstanceCpu(slot);
        }

        // A server whose Init failed is not served: its callers get a fault instead of a half-made component.
        foreach (var endpoint in _endpoints.Where(e => _instances.TryGetValue(e.Instance, out var server) && server.InitFailed))
        {
            endpoint.Close();
        }

        foreach (var (endpoint, settings, threads) in _servedEndpoints)
        {
            var threading = _instances.TryGetValue(endpoint.Instance, out var server) ? server.Options.Threading : NativeThreadingModel.Instance;
            for (var index = 0; index < threads; index++)
            {
                // `with N threads`: each interface thread is named by its index, as CAmkES numbers them.
                var name = threads == 1 ? $"{endpoint.Instance}.{endpoint.Interface}" : $"{endpoint.Instance}.{endpoint.Interface}.{index}";
                var thread = index;
                Track(endpoint switch
                {
                    CpuEndpoint onCpu => threading.StartAsync(name, settings, () => onCpu.ServeAsync(thread)),
                    QueuedEndpoint queued => threading.Start(name, settings, () => queued.Serve(thread)),
                    _ => throw new InvalidOperationException($"{name} has no interface thread"),
                }, () => server is not null && endpoint.MethodRunningOn(thread) is { } method ? UserMethods.Handler(server.Component, endpoint.Interface, method) : null);
            }
        }

        var running = _instanceOrder.Where(s => !s.InitFailed).ToList();
        foreach (var slot in running.Where(s => s.EventLoop is not null))
        {
            var eventLoop = slot.EventLoop!;
            var name = $"{slot.Name}.events";
            Action<Exception> fault = exception => ReportFault(slot, name, exception);
            Track(slot.Cpu is null
                ? slot.Options.Threading.Start(name, slot.Options.ControlThread, () => eventLoop.Run(fault, _stop.Token))
                : slot.Options.Threading.StartAsync(name, slot.Options.ControlThread, () => eventLoop.RunAsync(fault, _stop.Token)),
                () => $"a notification callback of {slot.Component.GetType().Name}");
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

        StartBalancer();
    }

    /// <summary>Asks the system to stop; <see cref="Run"/> then stops it. Safe from any thread.</summary>
    public void RequestStop()
    {
        _logger.LogInformation("Stop of system {System} requested", Name);
        EndRun();
    }

    /// <summary>Waits until every control thread has returned or a stop was requested; false if <paramref name="timeout"/> passed first.</summary>
    public bool WaitUntilFinished(TimeSpan timeout) => Simulation.Controlled.Wait(_runEnded, timeout, CancellationToken.None, "the end of system", Name);

    /// <summary>Waits until every control thread has returned (restarted ones included); false if <paramref name="timeout"/> passed first.</summary>
    public bool WaitForControlThreads(TimeSpan timeout) => Simulation.Controlled.Wait(_controlThreadsReturned, timeout, CancellationToken.None, "the control threads of", Name);

    /// <summary>
    /// Starts the system and runs it until every control thread has returned, a stop is requested,
    /// or the process gets Ctrl+C or SIGTERM; then stops it. Returns 0, or 1 after a fault that no
    /// fault handler took, or when a thread did not stop. For a program without a host; under the
    /// Generic Host, <c>AddCamkesSystem</c> runs the system and the host handles the signals.
    /// </summary>
    public int Run()
    {
        using var signals = StopSignals.Register();
        return RunAsync(signals.Token).GetAwaiter().GetResult();
    }

    /// <summary>Stops the system as <see cref="Stop"/> does and returns <see cref="Run"/>'s exit code: 0, or 1 after a fault that no fault handler took, or when a thread did not stop.</summary>
    public int StopWithExitCode() => ExitCodeAfter(Stop());

    /// <summary>Whether some instance has a control thread; a system without one runs until it is asked to stop.</summary>
    public bool HasControlThreads => _instanceOrder.Any(slot => slot.Options.HasControl);

    public void Dispose()
    {
        if (_started)
        {
            Stop();
        }
        else
        {
            foreach (var cpu in _instanceOrder.Select(s => s.Cpu).OfType<VirtualCpu>())
            {
                cpu.Stop(TimeSpan.Zero);
            }
        }

        _stop.Dispose();
    }

    private void StartControlThread(InstanceSlot slot)
    {
        slot.ControlIncarnation = slot.Incarnation;
        var name = $"{slot.Name}.control";
        Track(slot.Options.Threading.StartAsync(name, slot.Options.ControlThread, () => RunControlAsync(slot, name)), () => UserMethods.Control(slot.Component));
    }

    // Native: an OS thread runs this to the end (RunAsync runs Run). Unicore: a lightweight thread awaits RunAsync.
    private async Task RunControlAsync(InstanceSlot slot, string threadName)
    {
        var incarnation = slot.Incarnation;
        var endedByRestart = false;
        try
        {
            await slot.Component.RunAsync();
        }
        catch (OperationCanceledException) when (incarnation is { Token.IsCancellationRequested: true })
        {
            // Leaving Run through StopRequested is an orderly end, not a fault: at the system's stop, or at a restart.
            endedByRestart = !_stop.IsCancellationRequested;
        }
        catch (Exception exception)
        {
            ReportFault(slot, threadName, exception);
        }
        finally
        {
            // Ended by a restart that another thread's fault caused: the new incarnation gets its own
            // control thread, which takes over this one's place in the count.
            var replaced = endedByRestart && ReplaceControlThread(slot);
            if (!replaced && Interlocked.Decrement(ref _liveControlThreads) == 0)
            {
                if (_stop.IsCancellationRequested)
                {
                    _logger.LogInformation("Every control thread of system {System} has ended after the stop request", Name);
                }
                else
                {
                    _logger.LogInformation("Every control thread of system {System} has returned", Name);
                }
                _controlThreadsReturned.Set();
                EndRun();
            }
        }
    }

    // A unicore instance's Init runs on its CPU like the rest of its code.
    private bool InitOnInstanceCpu(InstanceSlot slot)
    {
        var initialised = false;
        OnInstanceCpu(slot, () => initialised = TryInit(slot));
        return initialised;
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

    // seL4NotificationBind, once every endpoint exists: whatever order the connections were made in.
    private void BindNotifications()
    {
        foreach (var (notification, consumer, interfaceName) in _boundNotifications)
        {
            var endpoint = _endpoints.FirstOrDefault(e => e.Instance == consumer.Name && e.Interface == interfaceName);
            if (endpoint is { HasInterfaceThread: true })
            {
                var threadName = $"{consumer.Name}.{interfaceName}";
                notification.SetCallbackRunner(new EndpointBinding(endpoint, exception => ReportFault(consumer, threadName, exception)));
            }
            else if (endpoint is not null)
            {
                throw new InvalidOperationException($"notification '{notification.Name}' of '{consumer.Name}' is bound to '{interfaceName}', which has no interface thread (it is passive or a direct call)");
            }
            else
            {
                // Not served in this process (its connection is left to another node): the event thread delivers instead.
                _logger.LogWarning("Notification {Notification} of {Instance} is bound to {Interface}, which is not served here; its callbacks run on the event thread", notification.Name, consumer.Name, interfaceName);
                notification.SetCallbackRunner(EventLoopOf(consumer));
            }
        }
    }

    private static EventLoop EventLoopOf(InstanceSlot slot) => slot.EventLoop ??= new EventLoop(slot.Name);

    private Endpoint Register(Endpoint endpoint, ThreadSettings? interfaceThread, int threads = 1)
    {
        EnsureNotStarted();
        endpoint.Meters = _meters;
        _endpoints.Add(endpoint);
        if (interfaceThread is { } settings)
        {
            _servedEndpoints.Add((endpoint, settings, threads));
        }

        return endpoint;
    }

    private Endpoint ServeOnCpu(CpuEndpoint endpoint, ThreadSettings thread) =>
        Register(endpoint, endpoint.HasInterfaceThread ? thread : null, endpoint.InterfaceThreads);

    // Handlers of a unicore server run on its virtual CPU, whichever thread delivers the call.
    private VirtualCpu? CpuOf(string instance) =>
        _instances.TryGetValue(instance, out var slot) ? slot.Cpu : null;

    private VirtualCpu UnicoreCpuOf(string instance) =>
        CpuOf(instance) ?? throw new ArgumentException($"instance '{instance}' is not unicore: an awaitable dispatcher needs a virtual CPU to run on", nameof(instance));

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
