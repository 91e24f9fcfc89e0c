using System.ComponentModel;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>
/// Hands a client its call frame without allocating. The first thread to call through the client
/// owns a cached frame that only it touches, so its calls take no atomic operation; any other
/// thread shares a second cached frame through an atomic exchange. Only a call made while the
/// cached frames are in flight (a concurrent or nested call through the same client) gets a fresh one.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FrameCache<TFrame>
    where TFrame : CallFrame
{
    private readonly Func<TFrame> _create;

    // Managed thread ids are unique among live threads, so at most one thread at a time uses _owned.
    private int _ownerThread;
    private TFrame? _owned;
    private TFrame? _shared;

    public FrameCache(Func<TFrame> create)
    {
        _create = create;
        _shared = create();
    }

    public TFrame Rent()
    {
        var thread = Environment.CurrentManagedThreadId;
        if (thread == _ownerThread)
        {
            if (_owned is { } owned)
            {
                _owned = null;
                return owned;
            }
        }
        else if (_ownerThread == 0)
        {
            Interlocked.CompareExchange(ref _ownerThread, thread, 0);
        }

        return Interlocked.Exchange(ref _shared, null) ?? _create();
    }

    public void Return(TFrame frame)
    {
        if (Environment.CurrentManagedThreadId == _ownerThread && _owned is null)
        {
            _owned = frame;
        }
        else
        {
            Volatile.Write(ref _shared, frame);
        }
    }
}
