namespace UxRt.Camkes.Runtime.Notifications;

/// <summary>One wake-up from a <see cref="NotificationSet"/>: which notification fired and the bits (or count) it carried.</summary>
public readonly record struct NotificationSignal(Notification Source, int Bits);
