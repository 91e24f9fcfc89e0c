using System.ComponentModel;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>
/// The call being served. CAmkES's <c>&lt;iface&gt;_get_sender_id()</c>: a handler reads the badge
/// of the client that called it. On a native thread it is the thread's current call; on a virtual
/// CPU it follows the lightweight thread of the handler across its awaits.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CallContext
{
    [ThreadStatic]
    private static int t_senderBadge;

    // Beside the badge, so a straight-through call finds both with one thread-static lookup.
    [ThreadStatic]
    private static bool t_onVirtualCpu;

    /// <summary>The badge of the client whose call is being handled; 0 outside a handler.</summary>
    public static int SenderBadge => VirtualCpu.Current is null ? t_senderBadge : Endpoint.CurrentAsyncSenderBadge;

    internal static int Enter(int badge)
    {
        var previous = t_senderBadge;
        t_senderBadge = badge;
        return previous;
    }

    internal static void MarkVirtualCpuThread() => t_onVirtualCpu = true;

    /// <summary>Enters a straight-through call on a native thread; false on a virtual CPU's thread, whose calls never run foreign code in place.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static bool TryEnterNative(int badge, out int previousBadge)
    {
        previousBadge = t_senderBadge;
        if (t_onVirtualCpu)
        {
            return false;
        }

        // Only a different badge is written (and, in Exit, restored): a call with the outer call's badge costs no write.
        if (previousBadge != badge)
        {
            t_senderBadge = badge;
        }

        return true;
    }

    // Restores the outer call's badge: a passive or direct handler may run inside another handler.
    internal static void Exit(int previousBadge) => t_senderBadge = previousBadge;
}
