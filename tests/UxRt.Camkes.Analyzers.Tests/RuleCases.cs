namespace UxRt.Camkes.Analyzers.Tests;

/// <summary>
/// Code each rule must report, by case name: the rule's ID and a component's members, with the
/// reported line marked <c>//!</c>. Each case holds exactly one blocking call.
/// </summary>
internal static class RuleCases
{
    public static readonly IReadOnlyDictionary<string, (string Id, string Members)> All = new Dictionary<string, (string, string)>
    {
        ["Thread.Sleep"] = ("UXRT1001", """
            void Pause() { Thread.Sleep(10); } //!
            """),

        ["Task.Wait"] = ("UXRT1002", """
            void Finish(Task work) => work.Wait(); //!
            """),
        ["Task.WaitAll"] = ("UXRT1002", """
            void Finish(Task a, Task b) => Task.WaitAll(a, b); //!
            """),
        ["Task.WaitAny"] = ("UXRT1002", """
            int First(Task a, Task b) => Task.WaitAny(a, b); //!
            """),
        ["Task<T>.Result"] = ("UXRT1002", """
            int Read(Task<int> work) => work.Result; //!
            """),
        ["ValueTask<T>.Result"] = ("UXRT1002", """
            int Read(ValueTask<int> work) => work.Result; //!
            """),
        ["Task.GetAwaiter().GetResult()"] = ("UXRT1002", """
            void Finish(Task work) => work.GetAwaiter().GetResult(); //!
            """),
        ["ValueTask<T>.GetAwaiter().GetResult()"] = ("UXRT1002", """
            int Read(ValueTask<int> work) => work.GetAwaiter().GetResult(); //!
            """),

        ["lock statement"] = ("UXRT1003", """
            private readonly object _gate = new();
            private int _count;
            void Count()
            {
                lock (_gate) //!
                {
                    _count++;
                }
            }
            """),
        ["Monitor.Enter"] = ("UXRT1003", """
            private readonly object _gate = new();
            void Take() => Monitor.Enter(_gate); //!
            """),
        ["Monitor.Wait"] = ("UXRT1003", """
            private readonly object _gate = new();
            void Park() => Monitor.Wait(_gate); //!
            """),
        ["Lock.EnterScope"] = ("UXRT1003", """
            private readonly Lock _lock = new();
            void Count()
            {
                using (_lock.EnterScope()) //!
                {
                }
            }
            """),

        ["SemaphoreSlim.Wait"] = ("UXRT1004", """
            private readonly SemaphoreSlim _slots = new(1);
            void Take() => _slots.Wait(); //!
            """),
        ["ManualResetEvent.WaitOne"] = ("UXRT1004", """
            private readonly ManualResetEvent _ready = new(false);
            void Await() => _ready.WaitOne(); //!
            """),
        ["WaitHandle.WaitAll"] = ("UXRT1004", """
            void Await(WaitHandle a, WaitHandle b) => WaitHandle.WaitAll(new[] { a, b }); //!
            """),
        ["ManualResetEventSlim.Wait"] = ("UXRT1004", """
            private readonly ManualResetEventSlim _ready = new();
            void Await() => _ready.Wait(); //!
            """),
        ["CountdownEvent.Wait"] = ("UXRT1004", """
            private readonly CountdownEvent _done = new(2);
            void Await() => _done.Wait(); //!
            """),
        ["Barrier.SignalAndWait"] = ("UXRT1004", """
            private readonly Barrier _phase = new(2);
            void Await() => _phase.SignalAndWait(); //!
            """),
        ["Thread.Join"] = ("UXRT1004", """
            void Await(Thread worker) => worker.Join(); //!
            """),

        ["Notification.Wait"] = ("UXRT1005", """
            void Await(Notification ready) => ready.Wait(); //!
            """),
        ["ComponentMutex.Lock"] = ("UXRT1005", """
            void Take(ComponentMutex mutex) => mutex.Lock(); //!
            """),
        ["RPC end with an out parameter"] = ("UXRT1005", """
            string Greet() => Greeter.Greet("world", 3, out _); //!
            """),
        ["RPC end"] = ("UXRT1005", """
            int Sum() => Greeter.Add(1, 2); //!
            """),

        ["Stream.Read"] = ("UXRT1006", """
            int Fill(Stream input, byte[] buffer) => input.Read(buffer, 0, buffer.Length); //!
            """),
        ["FileStream.Write"] = ("UXRT1006", """
            void Store(FileStream output, byte[] buffer) => output.Write(buffer, 0, buffer.Length); //!
            """),
        ["Console.ReadLine"] = ("UXRT1006", """
            string? Ask() => Console.ReadLine(); //!
            """),
        ["Stream.CopyTo"] = ("UXRT1006", """
            void Copy(Stream input, Stream output) => input.CopyTo(output); //!
            """),
        ["File.ReadAllText"] = ("UXRT1006", """
            string Load(string path) => File.ReadAllText(path); //!
            """),
        ["File.AppendAllText"] = ("UXRT1006", """
            void Log(string path) => File.AppendAllText(path, "line"); //!
            """),
        ["TextReader.ReadLine"] = ("UXRT1006", """
            string? Next(TextReader input) => input.ReadLine(); //!
            """),
        ["StreamWriter.WriteLine"] = ("UXRT1006", """
            void Log(StreamWriter output) => output.WriteLine("line"); //!
            """),

        ["Task.ConfigureAwait(false)"] = ("UXRT1007", """
            async Task Finish(Task work) => await work.ConfigureAwait(false); //!
            """),
        ["ValueTask<T>.ConfigureAwait(false)"] = ("UXRT1007", """
            async Task<int> Read(ValueTask<int> work) => await work.ConfigureAwait(false); //!
            """),
        ["IAsyncEnumerable.ConfigureAwait(false)"] = ("UXRT1007", """
            async Task Drain(IAsyncEnumerable<int> items)
            {
                await foreach (var item in items.ConfigureAwait(false)) //!
                {
                }
            }
            """),

        ["Task.Run"] = ("UXRT1008", """
            Task Offload() => Task.Run(() => { }); //!
            """),
        ["new Thread"] = ("UXRT1008", """
            Thread Spawn() => new Thread(() => { }); //!
            """),
        ["ThreadPool.QueueUserWorkItem"] = ("UXRT1008", """
            void Offload() => ThreadPool.QueueUserWorkItem(_ => { }); //!
            """),
        ["Task.Factory.StartNew on TaskScheduler.Default"] = ("UXRT1008", """
            Task Offload() => Task.Factory.StartNew(() => { }, CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default); //!
            """),
        ["Task.Factory.StartNew without a scheduler"] = ("UXRT1008", """
            Task Offload() => Task.Factory.StartNew(() => { }); //!
            """),
        ["Task.ContinueWith without a scheduler"] = ("UXRT1008", """
            Task Then(Task work) => work.ContinueWith(_ => { }); //!
            """),
        ["Task<T>.ContinueWith on TaskScheduler.Current"] = ("UXRT1008", """
            Task Then(Task<int> work) => work.ContinueWith(_ => { }, TaskScheduler.Current); //!
            """),

        ["BlockingCollection.Take"] = ("UXRT1004", """
            string Next(System.Collections.Concurrent.BlockingCollection<string> queue) => queue.Take(); //!
            """),
        ["BlockingCollection.TryTake with a timeout"] = ("UXRT1004", """
            bool Next(System.Collections.Concurrent.BlockingCollection<string> queue) => queue.TryTake(out _, 100); //!
            """),
        ["SpinWait.SpinUntil"] = ("UXRT1004", """
            private bool _ready;
            void Await() => SpinWait.SpinUntil(() => _ready); //!
            """),
        ["ReaderWriterLockSlim.EnterReadLock"] = ("UXRT1003", """
            void Read(ReaderWriterLockSlim table) => table.EnterReadLock(); //!
            """),
        ["ReaderWriterLockSlim.TryEnterWriteLock"] = ("UXRT1003", """
            bool Write(ReaderWriterLockSlim table) => table.TryEnterWriteLock(10); //!
            """),

        ["new System.Threading.Timer"] = ("UXRT1009", """
            IDisposable Poll() => new Timer(_ => { }, null, 0, 100); //!
            """),
        ["new System.Timers.Timer"] = ("UXRT1009", """
            IDisposable Tick() => new System.Timers.Timer(100); //!
            """),
        ["CancellationToken.Register"] = ("UXRT1009", """
            IDisposable OnStop(CancellationToken stop) => stop.Register(() => { }); //!
            """),
        ["CancellationToken.UnsafeRegister"] = ("UXRT1009", """
            IDisposable OnStop(CancellationToken stop) => stop.UnsafeRegister(_ => { }, null); //!
            """),
    };

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var name in All.Keys)
        {
            names.Add(name);
        }

        return names;
    }
}
