namespace UxRt.Camkes.Runtime.Notifications;

/// <summary>What a notification's word holds between a signal and the wait that consumes it.</summary>
public enum NotificationMode
{
    /// <summary>seL4's notification: signals OR their badge into the word, so repeated signals coalesce.</summary>
    Coalescing,

    /// <summary>seL4NotificationQueue: every signal is counted, and a wait returns how many arrived.</summary>
    Counting,
}
