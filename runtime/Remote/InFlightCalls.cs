using System.Collections.Concurrent;
using UxRt.Camkes.Remote.Protocol;
using UxRt.Camkes.Runtime.Faults;
using UxRt.Camkes.Runtime.Glue;

namespace UxRt.Camkes.Remote;

/// <summary>
/// The calls this node has admitted and not yet answered, by (caller node, call id), so that a
/// cancel from the caller can fail one no handler has taken yet (it then never runs) and say
/// whether it did. A call is registered before it waits for the node to open, so a cancel finds it
/// at every step.
/// </summary>
internal sealed class InFlightCalls
{
    private readonly ConcurrentDictionary<(string Node, ulong Id), Entry> _calls = new();

    /// <summary>Null when a call with that id is in flight already: a replay, which must not replace it.</summary>
    public Entry? TryRegister(string callerNode, ulong callId)
    {
        var entry = new Entry();
        return _calls.TryAdd((callerNode, callId), entry) ? entry : null;
    }

    public void Remove(string callerNode, ulong callId) => _calls.TryRemove((callerNode, callId), out _);

    /// <summary>Cancels the call if it is here; null when it is not (never arrived, or answered already).</summary>
    public CancelOutcome? Cancel(string callerNode, ulong callId, Func<Endpoint, CallFrame, ComponentFaultException> notDelivered) =>
        _calls.TryGetValue((callerNode, callId), out var entry) ? entry.Cancel(notDelivered) : null;

    /// <summary>One admitted call: before delivery only a flag, then the frame the endpoint holds.</summary>
    internal sealed class Entry
    {
        private readonly Lock _gate = new();
        private MessageFrame? _frame;
        private Endpoint? _endpoint;
        private bool _cancelled;
        private bool _answered;

        /// <summary>
        /// Hands the call to its endpoint (<paramref name="send"/>), unless it was cancelled first
        /// (false). Under the lock: a cancel waits until the endpoint has accepted the call, since
        /// the acceptance readies the call's reply afresh and would undo a failure made before it.
        /// </summary>
        public bool TryDeliver(MessageFrame frame, Endpoint endpoint, Func<Endpoint, MessageFrame, ValueTask> send, out ValueTask call)
        {
            lock (_gate)
            {
                if (_cancelled)
                {
                    call = default;
                    return false;
                }

                call = send(endpoint, frame);
                _frame = frame;
                _endpoint = endpoint;
                return true;
            }
        }

        /// <summary>Answered: the frame may go back to the pool, so no cancel may touch it any more.</summary>
        public void Answered()
        {
            lock (_gate)
            {
                _answered = true;
                _frame = null;
            }
        }

        public CancelOutcome Cancel(Func<Endpoint, CallFrame, ComponentFaultException> notDelivered)
        {
            lock (_gate)
            {
                if (_answered)
                {
                    return CancelOutcome.Finished;
                }

                if (_frame is null)
                {
                    _cancelled = true;
                    return CancelOutcome.NotStarted;
                }

                // Fails the call only while it is queued: a handler that took it already runs it to its end.
                return _frame.Reply.TryFail(notDelivered(_endpoint!, _frame), queuedOnly: true) ? CancelOutcome.NotStarted
                    : _frame.Reply.IsRunning ? CancelOutcome.Running : CancelOutcome.Finished;
            }
        }
    }
}
