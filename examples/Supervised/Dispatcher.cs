namespace Supervised;

/// <summary>
/// Posts each job on the board and signals the worker. Outcomes arrive as a callback on this
/// instance's event thread, which posts the <c>answered</c> semaphore the control thread awaits.
/// The instance is unicore: the callback and the control thread are lightweight threads on one
/// virtual CPU, and awaiting the semaphore is what lets the callback in.
/// </summary>
public sealed class Dispatcher : DispatcherBase
{
    private static readonly int[] Jobs = [3, 4, -1, 5, 12];

    private const int FromWorker = 1;
    private const int FromSupervisor = 2;

    private IDisposable? _outcomeCallback;
    private bool _failed;

    protected override void Init()
    {
        // The badge says who answered: the worker with a result, or the supervisor after a fault.
        _outcomeCallback = Outcome.RegisterCallback(badges =>
        {
            _failed = (badges & FromSupervisor) != 0 && (badges & FromWorker) == 0;
            Answered.Post();
        });
    }

    protected override async Task RunAsync()
    {
        foreach (var job in Jobs)
        {
            Board.Write<int>(JobBoard.InputOffset) = job;
            Board.Release();
            Job.Emit();

            await Answered.WaitAsync(StopRequested);
            Board.Acquire();
            Console.WriteLine(_failed ? $"job {job}: failed" : $"job {job}: {Board.Read<long>(JobBoard.OutputOffset)}");
        }

        _outcomeCallback?.Dispose();
        RequestSystemStop();
    }
}
