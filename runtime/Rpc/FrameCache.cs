namespace UxRt.Camkes.Runtime.Rpc;

/// <summary>
/// Hands a client its call frame without allocating: one frame is cached, and only a thread that
/// calls while another call through the same port is in flight gets a fresh one.
/// </summary>
public sealed class FrameCache<TFrame>
    where TFrame : CallFrame, new()
{
    private TFrame? _cached = new();

    public TFrame Rent() => Interlocked.Exchange(ref _cached, null) ?? new TFrame();

    public void Return(TFrame frame) => Volatile.Write(ref _cached, frame);
}
