namespace UxRt.Camkes.Runtime.Threading;

/// <summary>
/// Maps seL4 priorities (0–255, higher runs first) onto the five managed thread priorities.
/// The OS may ignore them (Linux does for unprivileged processes), hence "best effort".
/// </summary>
public static class PriorityMapping
{
    public const int MaxPriority = 255;

    public static ThreadPriority ToOsPriority(int? priority) => priority switch
    {
        null => ThreadPriority.Normal,
        < 0 or > MaxPriority => throw new ArgumentOutOfRangeException(nameof(priority), priority, "seL4 priorities are 0–255"),
        < 51 => ThreadPriority.Lowest,
        < 102 => ThreadPriority.BelowNormal,
        < 154 => ThreadPriority.Normal,
        < 205 => ThreadPriority.AboveNormal,
        _ => ThreadPriority.Highest,
    };
}
