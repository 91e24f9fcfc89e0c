using UxRt.Camkes.Runtime.Synchronisation;

namespace UxRt.Camkes.Runtime.Kernel;

/// <summary>What a thread or flow can wait for in the <see cref="WaitForGraph"/>: a mutex, or a call's reply.</summary>
internal interface IWaitTarget
{
    /// <summary>Who must go on for a wait to end, as it is now; null when nobody (a free mutex, an idle server, or one of several free threads will do).</summary>
    LockOwner? Holder { get; }

    /// <summary>One hop of a cycle, for the fault: <c>thread a.front waits for a call of b.x.ping served by thread b.x</c>.</summary>
    string DescribeWait(LockOwner waiter, LockOwner holder);
}
