using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using UxRt.Camkes.Runtime.Components;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Rpc;

namespace UxRt.Camkes.Runtime.Kernel;

/// <summary>
/// Owns a running system: its instances, the endpoints that connect them and every thread.
/// Start-up follows CAmkES: every instance's <c>Init</c>, then the interface threads, then the
/// control threads. The system stops when every control thread has returned, or on request.
/// </summary>
public sealed class SystemKernel : IDisposable
{
    private readonly List<(Component Component, bool HasControl)> _instances = new();
    private readonly List<Endpoint> _endpoints = new();
    private readonly List<InterfaceThread> _interfaceThreads = new();
    private readonly List<Thread> _controlThreads = new();
    private readonly ConcurrentQueue<FaultRecord> _faults = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ILogger _logger;
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

    public TComponent AddInstance<TComponent>(string name, TComponent component, bool hasControl)
        where TComponent : Component
    {
        EnsureNotStarted();
        component.Attach(name, _stop.Token);
        _instances.Add((component, hasControl));
        return component;
    }

    /// <summary>Creates the endpoint of <paramref name="instance"/>.<paramref name="interfaceName"/>, served by its own thread.</summary>
    public Endpoint Serve(string instance, string interfaceName, ICallDispatcher dispatcher)
    {
        EnsureNotStarted();
        var endpoint = new Endpoint(instance, interfaceName, dispatcher);
        _endpoints.Add(endpoint);
        _interfaceThreads.Add(new InterfaceThread(endpoint));
        return endpoint;
    }

    public void Start()
    {
        EnsureNotStarted();
        _started = true;
        foreach (var (component, _) in _instances)
        {
            component.Init();
        }

        foreach (var thread in _interfaceThreads)
        {
            thread.Start();
        }

        foreach (var (component, _) in _instances.Where(i => i.HasControl))
        {
            var thread = new Thread(() => RunControl(component))
            {
                Name = $"{component.InstanceName}.control",
            };
            _controlThreads.Add(thread);
            thread.Start();
        }
    }

    /// <summary>Waits until every control thread has returned; false if <paramref name="timeout"/> passed first.</summary>
    public bool WaitForControlThreads(TimeSpan timeout)
    {
        var deadline = Deadline.After(timeout);
        foreach (var thread in _controlThreads)
        {
            if (!thread.Join(deadline.Remaining))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Stops the system: signals <c>StopRequested</c>, closes every endpoint and joins every thread
    /// within <see cref="ShutdownTimeout"/>. Returns the names of threads that did not stop.
    /// </summary>
    public IReadOnlyList<string> Stop()
    {
        if (_stopped)
        {
            return Array.Empty<string>();
        }

        _stopped = true;
        _stop.Cancel();
        foreach (var endpoint in _endpoints)
        {
            endpoint.Close();
        }

        var deadline = Deadline.After(ShutdownTimeout);
        var stuck = new List<string>();
        foreach (var thread in _controlThreads.Concat(_interfaceThreads.Select(t => t.Thread)))
        {
            if (thread.ThreadState != ThreadState.Unstarted && !thread.Join(deadline.Remaining))
            {
                stuck.Add(thread.Name ?? "(unnamed)");
            }
        }

        foreach (var name in stuck)
        {
            _logger.LogWarning("Thread {Thread} of system {System} did not stop within {Timeout}", name, Name, ShutdownTimeout);
        }

        return stuck;
    }

    /// <summary>Starts the system, waits for every control thread to return, then stops it. Returns 0, or 1 after a fault.</summary>
    public int Run()
    {
        Start();
        WaitForControlThreads(Timeout.InfiniteTimeSpan);
        Stop();
        return _faults.IsEmpty ? 0 : 1;
    }

    public void Dispose()
    {
        if (_started)
        {
            Stop();
        }

        _stop.Dispose();
    }

    private void RunControl(Component component)
    {
        try
        {
            component.Run();
        }
        catch (Exception exception)
        {
            var fault = new FaultRecord(component.InstanceName, Thread.CurrentThread.Name ?? "control", exception);
            _faults.Enqueue(fault);
            _logger.LogError(exception, "Fault in {Instance} on thread {Thread}", fault.Instance, fault.Thread);
            Console.Error.WriteLine(fault);
        }
    }

    private void EnsureNotStarted()
    {
        if (_started)
        {
            throw new InvalidOperationException("The system has already been started; its structure is fixed.");
        }
    }
}
