using System.Threading.Tasks.Sources;
using UxRt.Camkes.Runtime.Rpc;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>
/// What an awaiting client gets from <see cref="Endpoint.CallAsync{TFrame, TResult}"/>: the call's
/// reply as a <see cref="ValueTask{TResult}"/> that reads the result out of the frame and hands the
/// frame back to its cache, so the generated method needs no state machine of its own (whose
/// completion .NET would post to the caller's CPU with a new delegate). One per frame and method, reused.
/// </summary>
internal sealed class AwaitedCall<TFrame, TResult>(TFrame frame, FrameCache<TFrame> frames, Func<TFrame, TResult> result) : IValueTaskSource<TResult>
    where TFrame : CallFrame
{
    public bool Matches(FrameCache<TFrame> cache, Func<TFrame, TResult> reader) => ReferenceEquals(cache, frames) && ReferenceEquals(reader, result);

    public ValueTaskSourceStatus GetStatus(short token) => Reply.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        Reply.OnCompleted(continuation, state, token, flags);

    public TResult GetResult(short token)
    {
        try
        {
            Reply.GetResult(token);
            return result(frame);
        }
        finally
        {
            frames.Return(frame);
        }
    }

    private IValueTaskSource Reply => frame.Reply;
}
