namespace Supervised;

/// <summary>
/// Squares each job's number through a direct call to the calculator. A negative number is a
/// poisoned job: the worker throws, and the kernel restarts it (<c>fault_policy = "restart"</c>).
/// </summary>
public sealed class Worker : WorkerBase
{
    protected override void Init() => Console.WriteLine($"{InstanceName}: ready");

    protected override void Run()
    {
        while (true)
        {
            Job.Wait(StopRequested);
            Board.Acquire();
            var input = Board.Read<int>(JobBoard.InputOffset);
            if (input < 0)
            {
                throw new InvalidDataException($"poisoned job {input}");
            }

            Board.Write<long>(JobBoard.OutputOffset) = Maths.Square(input);
            Board.Release();
            Done.Emit();
        }
    }
}
