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

    /// <summary>The badge of the client whose call is being handled; 0 outside a handler.</summary>
    public static int SenderBadge => VirtualCpu.Current is null ? t_senderBadge : Endpoint.CurrentAsyncSenderBadge;

    internal static int Enter(int badge)
    {
        var previous = t_senderBadge;
        t_senderBadge = badge;
        return previous;
    }

    // Restores the outer call's badge: a passive or direct handler may run inside another handler.
    internal static void Exit(int previousBadge) => t_senderBadge = previousBadge;
}
