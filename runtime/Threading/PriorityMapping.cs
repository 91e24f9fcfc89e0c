namespace UxRt.Camkes.Runtime.Threading;

/// <summary>
/// Maps seL4 priorities (0–255, higher runs first) onto the five managed thread priorities.
/// On Linux, where managed thread priorities have no effect, the runtime sets the thread's nice
/// value instead (<see cref="ToNice"/>); raising a thread above nice 0 needs <c>CAP_SYS_NICE</c> or
/// <c>RLIMIT_NICE</c>, and a refusal is logged.
/// </summary>
internal static class PriorityMapping
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

    /// <summary>
    /// seL4 priority → Linux nice, linearly: 0 → 19 (lowest), 128 → 0 (the default), 255 → -20.
    /// Higher seL4 priorities run first, as lower nice values do.
    /// </summary>
    public static int ToNice(int priority)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(priority);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(priority, MaxPriority);
        return Math.Clamp((int)Math.Round((128 - priority) * 20 / 128.0, MidpointRounding.AwayFromZero), -20, 19);
    }
}
