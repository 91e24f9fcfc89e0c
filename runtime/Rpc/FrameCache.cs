namespace UxRt.Camkes.Runtime.Rpc;

/// <summary>
/// Hands a client its call frame without allocating: one frame is cached, and only a thread that
/// calls while another call through the same client is in flight gets a fresh one.
/// </summary>
public sealed class FrameCache<TFrame>
    where TFrame : CallFrame
{
    private readonly Func<TFrame> _create;
    private TFrame? _cached;

    public FrameCache(Func<TFrame> create)
    {
        _create = create;
        _cached = create();
    }

    public TFrame Rent() => Interlocked.Exchange(ref _cached, null) ?? _create();

    public void Return(TFrame frame) => Volatile.Write(ref _cached, frame);
}
