using UxRt.Camkes.Runtime.Faults;

namespace UxRt.Camkes.Runtime.Rpc;

/// <summary>
/// The calls an endpoint has accepted and not yet answered, so that a stop can fail every one of
/// them instead of leaving its caller waiting. An intrusive list through the calls' replies: tracking
/// a call allocates nothing, and costs one uncontended lock to add and one to remove.
/// </summary>
internal sealed class OutstandingCalls
{
    private readonly Lock _gate = new();
    private CallReply? _head;
    private bool _closed;

    /// <summary>Records an accepted call; false once the endpoint has closed, so the caller answers it itself.</summary>
    public bool TryAdd(CallReply reply)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return false;
            }

            reply.Previous = null;
            reply.Next = _head;
            if (_head is not null)
            {
                _head.Previous = reply;
            }

            _head = reply;
            reply.Tracker = this;
            return true;
        }
    }

    public void Remove(CallReply reply)
    {
        lock (_gate)
        {
            if (reply.Tracker != this)
            {
                return;
            }

            if (reply.Previous is { } previous)
            {
                previous.Next = reply.Next;
            }
            else
            {
                _head = reply.Next;
            }

            if (reply.Next is { } next)
            {
                next.Previous = reply.Previous;
            }

            reply.Next = null;
            reply.Previous = null;
            reply.Tracker = null;
        }
    }

    /// <summary>Takes no more calls and fails those no handler has taken yet.</summary>
    public void Close(Func<CallFrame, ComponentFaultException> failure)
    {
        lock (_gate)
        {
            _closed = true;
        }

        Fail(failure, queuedOnly: true);
    }

    /// <summary>Fails every call still outstanding, taken by a handler or not; a handler's late reply is then ignored.</summary>
    public void FailAll(Func<CallFrame, ComponentFaultException> failure)
    {
        lock (_gate)
        {
            _closed = true;
        }

        Fail(failure, queuedOnly: false);
    }

    /// <summary>How many calls are outstanding (for tests and reports; walks the list).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                var count = 0;
                for (var reply = _head; reply is not null; reply = reply.Next)
                {
                    count++;
                }

                return count;
            }
        }
    }

    // Answered outside the lock: an answer may run the caller's continuation inline.
    private void Fail(Func<CallFrame, ComponentFaultException> failure, bool queuedOnly)
    {
        List<CallReply> chosen = [];
        lock (_gate)
        {
            for (var reply = _head; reply is not null; reply = reply.Next)
            {
                if (!queuedOnly || reply.IsQueued)
                {
                    chosen.Add(reply);
                }
            }
        }

        foreach (var reply in chosen)
        {
            reply.TryFail(failure(reply.Frame), queuedOnly);
        }
    }
}
