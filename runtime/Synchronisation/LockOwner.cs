using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Synchronisation;

/// <summary>
/// Who holds a <see cref="ComponentMutex"/>: one lightweight thread of a unicore component, or
/// one native thread (its blocking forms) or async flow (its awaitable forms). Lightweight
/// threads of one CPU share its OS thread, so the OS thread cannot tell them apart: each carries
/// its owner in an <see cref="AsyncLocal{T}"/>, which follows it across its awaits and into the
/// methods it calls. The kernel gives every lightweight thread (and every call a CPU runs without
/// an interface thread) an owner of its own before its code starts.
/// </summary>
internal sealed class LockOwner
{
    private static readonly AsyncLocal<LockOwner?> s_flow = new();

    // A native thread's owner for the blocking forms: a thread started by another inherits its
    // async flow, so only a per-thread owner keeps the two threads apart, as a Monitor does.
    [ThreadStatic]
    private static LockOwner? t_thread;

    private LockOwner(string name) => Name = name;

    /// <summary>
    /// The badge of the call this lightweight thread is handling (a unicore handler's sender id), 0
    /// between calls: it rides on the owner, which already follows the handler across its awaits,
    /// so a call sets it without allocating an execution context. Written and read on the owner's CPU.
    /// </summary>
    internal int SenderBadge;

    /// <summary>The mutex or call this owner is blocked (or parked) waiting for; null when it waits for none (see <see cref="Kernel.WaitForGraph"/>).</summary>
    internal Kernel.IWaitTarget? WaitingFor;

    /// <summary>How messages name the owner: <c>server.control</c>, <c>a call of server.calc</c>, <c>thread worker</c>.</summary>
    public string Name { get; }

    /// <summary>The owner a blocking or non-blocking try (<c>Lock</c>, <c>TryLock</c>) takes a mutex for, made on first use.</summary>
    public static LockOwner ForBlockingForm()
    {
        // A CPU's thread never has a thread owner, so finding one means a native thread: the fast path.
        if (t_thread is { } thread)
        {
            return thread;
        }

        if (VirtualCpu.Current is { } cpu)
        {
            return s_flow.Value ??= new LockOwner($"a lightweight thread of '{cpu.Name}'");
        }

        return t_thread ??= new LockOwner($"thread {ThreadName()}");
    }

    /// <summary>
    /// The owner an awaitable form (<c>LockAsync</c>) takes a mutex for: the current flow's, made on
    /// first use. Called before the first await, so a new owner is stored in the caller's flow.
    /// </summary>
    public static LockOwner ForAwaitableForm() =>
        s_flow.Value ??= new LockOwner(VirtualCpu.Current is { } cpu ? $"a lightweight thread of '{cpu.Name}'" : $"an async flow begun on thread {ThreadName()}");

    /// <summary>The current async flow's owner, without making one: null for a flow that has none, which then holds nothing and serves nothing, so nobody can wait for it.</summary>
    public static LockOwner? ExistingFlow => s_flow.Value;

    /// <summary>Whether <paramref name="owner"/> is the current thread or flow, without making an owner.</summary>
    public static bool IsCurrent(LockOwner? owner) =>
        owner is not null && (owner == t_thread || owner == s_flow.Value);

    /// <summary>The current owner's name, for messages; makes no owner.</summary>
    public static string CurrentName =>
        s_flow.Value?.Name ?? (VirtualCpu.Current is { } cpu ? $"a lightweight thread of '{cpu.Name}'" : t_thread?.Name ?? $"thread {ThreadName()}");

    /// <summary>
    /// Gives the code about to start on this thread an owner of its own named <paramref name="name"/>
    /// (a new lightweight thread, a call): whatever flow it started from, it holds nothing. Returns
    /// what to hand to <see cref="Restore"/> once the code's synchronous part has returned.
    /// </summary>
    public static LockOwner? Begin(string name)
    {
        var previous = s_flow.Value;
        s_flow.Value = new LockOwner(name);
        return previous;
    }

    /// <summary>
    /// A new owner named <paramref name="name"/> with the execution context that carries it (the
    /// current one, with the owner as its flow's): restoring that context starts code with the owner
    /// as <see cref="Begin"/> would, without making a context each time. Null while flow is suppressed.
    /// </summary>
    public static (LockOwner Owner, ExecutionContext Context)? NewFlow(string name)
    {
        var previous = s_flow.Value;
        var owner = new LockOwner(name);
        s_flow.Value = owner;
        var context = ExecutionContext.Capture();
        s_flow.Value = previous;
        return context is null ? null : (owner, context);
    }

    /// <summary>Puts back the flow's owner from before <see cref="Begin"/>; the started code keeps its own across its awaits.</summary>
    public static void Restore(LockOwner? previous) => s_flow.Value = previous;

    /// <summary>
    /// Drops an owner a plain work item left on a CPU's thread (its first lock made one there), so
    /// the next work item, another lightweight thread, does not inherit it. One read when none was left.
    /// </summary>
    public static void ForgetLeftOnCpu()
    {
        if (s_flow.Value is not null)
        {
            s_flow.Value = null;
        }
    }

    private static string ThreadName() => Thread.CurrentThread.Name ?? Environment.CurrentManagedThreadId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
