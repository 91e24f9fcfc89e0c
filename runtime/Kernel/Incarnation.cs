namespace UxRt.Camkes.Runtime.Kernel;

/// <summary>
/// One life of an instance, from an <c>Init</c> to its next restart (or the system's stop): the
/// token its threads watch (<c>StopRequested</c>) and what it registered (notification callbacks,
/// timers), all ended together so that a restarted <c>Init</c> starts from nothing.
/// </summary>
internal sealed class Incarnation
{
    private readonly CancellationTokenSource _ended;
    private readonly List<IDisposable> _registrations = new();
    private bool _over;

    public Incarnation(CancellationToken systemStop) => _ended = CancellationTokenSource.CreateLinkedTokenSource(systemStop);

    /// <summary>Cancelled when the incarnation ends: at a restart of the instance or at the system's stop.</summary>
    public CancellationToken Token => _ended.Token;

    public bool IsOver => Volatile.Read(ref _over);

    /// <summary>Ends <paramref name="registration"/> with the incarnation; at once when it is over already.</summary>
    public void Own(IDisposable registration)
    {
        lock (_registrations)
        {
            if (!_over)
            {
                _registrations.Add(registration);
                return;
            }
        }

        registration.Dispose();
    }

    /// <summary>Asks the incarnation's threads to end and unregisters what it registered.</summary>
    public void End()
    {
        IDisposable[] registrations;
        lock (_registrations)
        {
            if (_over)
            {
                return;
            }

            Volatile.Write(ref _over, true);
            registrations = _registrations.ToArray();
            _registrations.Clear();
        }

        _ended.Cancel();
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }
    }
}
