namespace UxRt.Camkes.Runtime.Threading;

/// <summary>The CPU as a task scheduler: tasks started on it run as work items of its run queue, one at a time.</summary>
internal sealed class VirtualCpuTaskScheduler : TaskScheduler
{
    private readonly VirtualCpu _cpu;
    private readonly SendOrPostCallback _execute;

    public VirtualCpuTaskScheduler(VirtualCpu cpu)
    {
        _cpu = cpu;
        _execute = task => TryExecuteTask((Task)task!);
    }

    public override int MaximumConcurrencyLevel => 1;

    protected override void QueueTask(Task task) => _cpu.Post(_execute, task);

    // Inlining is only safe on the CPU itself: anywhere else it would run the component's code on a foreign thread.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => _cpu.IsCurrent && TryExecuteTask(task);

    protected override IEnumerable<Task>? GetScheduledTasks() => throw new NotSupportedException("the run queue of a virtual CPU is not enumerable");
}
