namespace UxRt.Camkes.Analyzers.Tests;

/// <summary>
/// A component as a user would write it, with every blocking or off-CPU construct the rules know
/// (each marked <c>//!</c>), in the component, its lambdas, a nested class and a helper marked
/// <c>[RunsOnVirtualCpu]</c>; plus the code that looks blocking but is not (unmarked), which must
/// stay silent.
/// </summary>
internal static class RealisticComponentSource
{
    public const string Source = """
        using System;
        using System.Collections.Concurrent;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using UxRt.Camkes.Runtime.Notifications;
        using UxRt.Camkes.Runtime.Synchronisation;
        using UxRt.Camkes.Runtime.Threading;

        public sealed class Logger : UnicoreBase
        {
            private readonly object _gate = new();
            private readonly Lock _lock = new();
            private readonly SemaphoreSlim _slots = new(1);
            private readonly ManualResetEventSlim _ready = new();
            private readonly AutoResetEvent _signal = new(false);
            private readonly CountdownEvent _countdown = new(1);
            private readonly Barrier _barrier = new(1);
            private readonly BlockingCollection<string> _queue = new();
            private readonly ReaderWriterLockSlim _table = new();
            private bool _done;
            private Task<int> _backlog = Task.Run(() => 0); //!

            public async Task RunAsync(Notification wake, ComponentMutex mutex, Task<int> pending, Task other, CancellationToken stop)
            {
                Thread.Sleep(5); //!
                other.Wait(); //!
                var early = pending.Result; //!
                Task.WaitAll(other, pending); //!
                _ = Task.WaitAny(other, pending); //!
                other.GetAwaiter().GetResult(); //!
                lock (_gate) //!
                {
                    _done = true;
                }
                Monitor.Enter(_gate); //!
                Monitor.Exit(_gate);
                _slots.Wait(); //!
                _ready.Wait(); //!
                _signal.WaitOne(); //!
                _countdown.Wait(); //!
                _barrier.SignalAndWait(); //!
                using (_lock.EnterScope()) //!
                {
                    _done = false;
                }
                var worker = new Thread(() => { }); //!
                worker.Join(); //!
                _ = wake.Wait(); //!
                mutex.Lock(); //!
                mutex.Unlock();
                _ = Greeter.Add(1, early); //!
                using var file = new FileStream("log.bin", FileMode.Open);
                var buffer = new byte[16];
                _ = file.Read(buffer, 0, buffer.Length); //!
                _ = File.ReadAllText("config.txt"); //!
                using var reader = new StreamReader(file);
                _ = reader.ReadLine(); //!
                using var writer = new StreamWriter(file);
                writer.WriteLine("entry"); //!
                await other.ConfigureAwait(false); //!
                await Task.Run(() => { }); //!
                ThreadPool.QueueUserWorkItem(_ => { }); //!
                await Task.Factory.StartNew(() => { }, CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default); //!
                _ = _queue.Take(); //!
                _ = Console.ReadLine(); //!
                SpinWait.SpinUntil(() => _done); //!
                _table.EnterReadLock(); //!
                _table.ExitReadLock();
                _table.EnterWriteLock(); //!
                _table.ExitWriteLock();
                using var poll = new Timer(_ => { }, null, 0, 100); //!
                using var tick = new System.Timers.Timer(100); //!
                await other.ContinueWith(_ => { }); //!
                using var registration = stop.Register(() => { }); //!
                await Task.Factory.StartNew(() => { }); //!
                Action later = () => Thread.Sleep(1); //!
                Action<Stream> flush = s => s.Write(buffer, 0, 1); //!
                await new Drain(this).RunAsync();
            }

            public async Task<int> WhatLooksBlockingButIsNotAsync(Task<int> pending, Task<int> first, Task<int> second, Task other)
            {
                Console.WriteLine("starting");
                var value = await pending;
                value += pending.Result;
                await other;
                other.Wait();
                await Task.WhenAll(first, second);
                value += first.Result + second.Result;
                if (pending.IsCompleted)
                {
                    value += pending.Result;
                }
                value += Task.FromResult(1).Result;
                Task.CompletedTask.Wait();
                Task.CompletedTask.GetAwaiter().GetResult();
                using var memory = new MemoryStream();
                memory.Write(new byte[4], 0, 4);
                memory.Flush();
                using var text = new StringWriter();
                text.Write("in memory");
                text.WriteLine();
                using var lines = new StringReader("a\nb");
                _ = lines.ReadLine();
                await other.ContinueWith(_ => { }, TaskScheduler.FromCurrentSynchronizationContext());
                await Task.Factory.StartNew(() => { }, CancellationToken.None, TaskCreationOptions.None, TaskScheduler.FromCurrentSynchronizationContext());
                await Task.Delay(1);
                return value;
            }

            // A class nested in a component runs on its CPU too.
            private sealed class Drain
            {
                private readonly Logger _owner;
                private readonly object _gate = new();

                public Drain(Logger owner) => _owner = owner;

                public Task RunAsync()
                {
                    Thread.Sleep(1); //!
                    var count = _owner._backlog.Result; //!
                    lock (_gate) //!
                    {
                        count++;
                    }
                    return Task.CompletedTask;
                }
            }
        }

        // Called only from the component: marked, so the analyzer checks it as the component's code.
        [RunsOnVirtualCpu]
        public sealed class LogFormatter
        {
            private readonly BlockingCollection<string> _pending = new();
            private readonly SemaphoreSlim _once = new(1);

            public void Format()
            {
                Thread.Sleep(1); //!
                _ = _pending.Take(); //!
                File.WriteAllText("out.txt", "x"); //!
                _once.Wait(); //!
            }
        }

        // Not marked and not a component: left alone.
        public sealed class PlainHelper
        {
            public void Pause() => Thread.Sleep(1);
        }
        """;
}
