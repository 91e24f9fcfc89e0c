using System.ComponentModel;
using System.Runtime.InteropServices;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>
/// What the OS scheduler offers one thread: its native id, the core it runs on, its CPU mask, its
/// nice value and scheduling class. Implemented on Linux (<c>gettid</c>, <c>sched_getcpu</c>,
/// <c>sched_setaffinity</c>, <c>setpriority</c>, <c>sched_setscheduler</c>); elsewhere every
/// query answers "unknown" and every change reports that the platform cannot make it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class OsScheduling
{
    private const int MaskWords = 16; // 1024 cores, as CAmkES's affinity range
    private const int PrioProcess = 0;
    private const int SchedIdle = 5;
    private const int ProcessCpuClock = 2;
    private const int ThreadCpuClock = 3;
    private static readonly Lazy<int[]> ProcessCores = new(ReadProcessCores);

    /// <summary>Whether threads can be pinned, re-niced and placed in the idle class here (Linux).</summary>
    public static bool IsSupported => OperatingSystem.IsLinux();

    /// <summary>The core the calling thread is running on now (<c>sched_getcpu</c>); -1 where unknown.</summary>
    public static int CurrentCore()
    {
        if (!IsSupported)
        {
            return -1;
        }

        var core = Native.sched_getcpu();
        return core < 0 ? -1 : core;
    }

    /// <summary>The calling thread's native id (Linux's tid, what <c>/proc/self/task</c> lists); 0 where unknown.</summary>
    public static int CurrentThreadId()
    {
        if (!IsSupported)
        {
            return 0;
        }

        try
        {
            return Native.gettid();
        }
        catch (EntryPointNotFoundException)
        {
            return (int)Native.syscall(RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 178 : 186);
        }
    }

    /// <summary>The cores this process may run on, as the OS reported them when first asked (sorted).</summary>
    public static IReadOnlyList<int> AvailableCores => ProcessCores.Value;

    /// <summary>The cores in the CPU mask of thread <paramref name="threadId"/> (0: the calling thread); empty where unknown.</summary>
    public static IReadOnlyList<int> GetAffinity(int threadId = 0)
    {
        if (!IsSupported)
        {
            return Array.Empty<int>();
        }

        var mask = new ulong[MaskWords];
        if (Native.sched_getaffinity(threadId, MaskWords * sizeof(ulong), mask) != 0)
        {
            return Array.Empty<int>();
        }

        var cores = new List<int>();
        for (var core = 0; core < MaskWords * 64; core++)
        {
            if ((mask[core / 64] & (1UL << (core % 64))) != 0)
            {
                cores.Add(core);
            }
        }

        return cores;
    }

    /// <summary>The CPU time the calling thread has used (<c>CLOCK_THREAD_CPUTIME_ID</c>, to the nanosecond); zero where unknown.</summary>
    public static TimeSpan CurrentThreadCpuTime() => CpuClock(ThreadCpuClock);

    /// <summary>
    /// The CPU time the whole process has used (<c>CLOCK_PROCESS_CPUTIME_ID</c>, to the nanosecond,
    /// where <see cref="System.Diagnostics.Process.TotalProcessorTime"/> counts in 10 ms ticks); zero where unknown.
    /// </summary>
    public static TimeSpan ProcessCpuTime() => CpuClock(ProcessCpuClock);

    private static TimeSpan CpuClock(int clock)
    {
        if (!IsSupported || Native.clock_gettime(clock, out var time) != 0)
        {
            return TimeSpan.Zero;
        }

        return TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100));
    }

    /// <summary>Sets the CPU mask of thread <paramref name="threadId"/> to <paramref name="cores"/>; returns 0 or the OS's error number.</summary>
    internal static int SetAffinity(int threadId, IEnumerable<int> cores)
    {
        if (!IsSupported)
        {
            return -1;
        }

        var mask = new ulong[MaskWords];
        foreach (var core in cores)
        {
            if (core < 0 || core >= MaskWords * 64)
            {
                return 22; // EINVAL, as the kernel would answer
            }

            mask[core / 64] |= 1UL << (core % 64);
        }

        return Native.sched_setaffinity(threadId, MaskWords * sizeof(ulong), mask) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    /// <summary>Sets the nice value (-20 … 19) of thread <paramref name="threadId"/>; returns 0 or the OS's error number.</summary>
    internal static int SetNice(int threadId, int nice)
    {
        if (!IsSupported)
        {
            return -1;
        }

        return Native.setpriority(PrioProcess, threadId, nice) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    /// <summary>Puts thread <paramref name="threadId"/> in <c>SCHED_IDLE</c>, the class that runs only when nothing else wants the core; returns 0 or the error number.</summary>
    internal static int SetIdleClass(int threadId)
    {
        if (!IsSupported)
        {
            return -1;
        }

        var parameters = new SchedParam { Priority = 0 };
        return Native.sched_setscheduler(threadId, SchedIdle, ref parameters) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    /// <summary>Opens thread <paramref name="threadId"/>'s <c>/proc/self/task/…/stat</c> for <see cref="ReadState"/>; null when it has ended or the OS has none.</summary>
    internal static Microsoft.Win32.SafeHandles.SafeFileHandle? OpenState(int threadId)
    {
        if (!IsSupported || threadId == 0)
        {
            return null;
        }

        try
        {
            return File.OpenHandle($"/proc/self/task/{threadId}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether the thread whose stat file is <paramref name="stat"/> is running or waiting for a
    /// core, and the core it last ran on; null when it has ended. The file is read again from its
    /// start each time, so one handle serves every round.
    /// </summary>
    internal static (bool Runnable, int Core)? ReadState(Microsoft.Win32.SafeHandles.SafeFileHandle stat, byte[] buffer, string? threadName = null)
    {
        try
        {
            var line = buffer.AsSpan(0, RandomAccess.Read(stat, buffer, 0));
            return threadName is null || NamesThread(line, threadName) ? ParseStat(line) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether the stat line names <paramref name="threadName"/> (Linux keeps the first 15 bytes of
    /// a thread's name), so that a thread id the OS has given to another thread is not mistaken for it.
    /// </summary>
    internal static bool NamesThread(ReadOnlySpan<byte> stat, string threadName)
    {
        var open = stat.IndexOf((byte)'(');
        var close = stat.LastIndexOf((byte)')');
        if (open < 0 || close <= open)
        {
            return false;
        }

        var comm = stat[(open + 1)..close];
        Span<byte> expected = stackalloc byte[64];
        var length = System.Text.Encoding.UTF8.GetBytes(threadName.AsSpan(0, Math.Min(threadName.Length, 15)), expected);
        return comm.SequenceEqual(expected[..Math.Min(length, 15)]);
    }

    /// <summary>Reads <c>/proc/…/stat</c>: the state is the first field after the name in parentheses, the last core the 37th after it.</summary>
    internal static (bool Runnable, int Core)? ParseStat(ReadOnlySpan<byte> stat)
    {
        var close = stat.LastIndexOf((byte)')');
        if (close < 0 || close + 2 >= stat.Length)
        {
            return null;
        }

        var rest = stat[(close + 2)..];
        var state = rest[0];
        const int ProcessorField = 36; // fields after the name: state is 0, processor (field 39 of proc(5)) is 36
        var field = 0;
        var start = 0;
        for (var i = 0; i <= rest.Length; i++)
        {
            if (i == rest.Length || rest[i] == (byte)' ')
            {
                if (field == ProcessorField)
                {
                    return int.TryParse(rest[start..i], out var core) ? (state == (byte)'R', core) : null;
                }

                field++;
                start = i + 1;
            }
        }

        return null;
    }

    /// <summary>
    /// Each core's time so far from <c>/proc/stat</c>, in clock ticks: how much of it was idle (idle +
    /// iowait) and how much in all; cores the file does not list stay (0, 0). False where unknown.
    /// </summary>
    internal static bool ReadCoreTimes(byte[] buffer, (long Idle, long Total)[] times)
    {
        if (!IsSupported)
        {
            return false;
        }

        int length;
        try
        {
            using var handle = File.OpenHandle("/proc/stat");
            length = RandomAccess.Read(handle, buffer, 0);
        }
        catch (IOException)
        {
            return false;
        }

        ParseCoreTimes(buffer.AsSpan(0, length), times);
        return true;
    }

    /// <summary>Reads the <c>cpuN user nice system idle iowait irq softirq steal …</c> lines of <c>/proc/stat</c>.</summary>
    internal static void ParseCoreTimes(ReadOnlySpan<byte> stat, (long Idle, long Total)[] times)
    {
        while (stat.Length > 0)
        {
            var end = stat.IndexOf((byte)'\n');
            var line = end < 0 ? stat : stat[..end];
            stat = end < 0 ? ReadOnlySpan<byte>.Empty : stat[(end + 1)..];
            if (line.Length < 4 || !line.StartsWith("cpu"u8) || line[3] == (byte)' ')
            {
                continue;
            }

            var space = line.IndexOf((byte)' ');
            if (space < 0 || !int.TryParse(line[3..space], out var core) || core < 0 || core >= times.Length)
            {
                continue;
            }

            long idle = 0, total = 0;
            var field = 0;
            foreach (var range in System.Text.Encoding.ASCII.GetString(line[(space + 1)..]).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!long.TryParse(range, out var ticks) || field >= 8)
                {
                    break; // guest time is already counted in user time
                }

                total += ticks;
                idle += field is 3 or 4 ? ticks : 0;
                field++;
            }

            times[core] = (idle, total);
        }
    }

    /// <summary>The error number as a name a reader can look up (EPERM, EINVAL, …).</summary>
    internal static string ErrorName(int error) => error switch
    {
        -1 => "not supported on " + RuntimeInformation.OSDescription,
        1 => "EPERM",
        3 => "ESRCH",
        13 => "EACCES",
        22 => "EINVAL",
        _ => "errno " + error,
    };

    private static int[] ReadProcessCores()
    {
        IReadOnlyList<int> cores;
        try
        {
            cores = GetAffinity(0);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            cores = Array.Empty<int>();
        }

        return cores.Count > 0 ? cores.ToArray() : Enumerable.Range(0, Environment.ProcessorCount).ToArray();
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct SchedParam
    {
        public int Priority;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static class Native
    {
        [DllImport("libc")]
        public static extern int clock_gettime(int clock, out TimeSpec time);

        [DllImport("libc", SetLastError = true)]
        public static extern int sched_setaffinity(int pid, nint cpusetsize, ulong[] mask);

        [DllImport("libc", SetLastError = true)]
        public static extern int sched_getaffinity(int pid, nint cpusetsize, [Out] ulong[] mask);

        [DllImport("libc")]
        public static extern int sched_getcpu();

        [DllImport("libc")]
        public static extern int gettid();

        [DllImport("libc")]
        public static extern long syscall(long number);

        [DllImport("libc", SetLastError = true)]
        public static extern int setpriority(int which, int who, int prio);

        [DllImport("libc", SetLastError = true)]
        public static extern int sched_setscheduler(int pid, int policy, ref SchedParam param);
    }
}
