namespace UxRt.Camkes.Remote;

/// <summary>
/// What became of a call to another node that did not return results, as
/// <see cref="RemoteFaultException.Kind"/> of the caller's fault's cause. The first three answer
/// the question a deadline raises: did the call run?
/// </summary>
public enum RemoteFaultKind
{
    /// <summary>The handler on the other node threw; <see cref="RemoteFaultException.ExceptionType"/> names what.</summary>
    HandlerFault,

    /// <summary>The deadline passed before a handler took the call: the server failed it, and it never runs.</summary>
    NotDelivered,

    /// <summary>The deadline passed while a handler was running the call: it may complete there, its reply is dropped.</summary>
    TimedOutWhileRunning,

    /// <summary>The node could not be reached (down, silent, or not trusted): no answer, not even to the cancel.</summary>
    Unreachable,

    /// <summary>The node refused the call (not a caller the spec allows, a credential that does not match, or a replay).</summary>
    Refused,

    /// <summary>The answer did not prove that it came from the node the spec places the server on: it was dropped.</summary>
    NotAuthenticated,
}
