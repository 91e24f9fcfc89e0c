using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Notifications;
using UxRt.Camkes.Runtime.Queues;

namespace UxRt.Camkes.Benchmarks.Runtime;

/// <summary>
/// One producer thread to one consumer thread, 16-byte messages: the seL4MessageQueue ring against
/// a bounded <see cref="Channel{T}"/> with the same capacity (single reader and writer), and an
/// seL4RPCCall per message, in one run. Each operation moves <see cref="Messages"/> messages, so the
/// figures are per message.
/// </summary>
[MemoryDiagnoser]
public class QueueBenchmarks
{
    private const int Messages = 100_000;
    private const int Capacity = 256;

    private record struct Message(long Sequence, long Payload);

    private MessageQueueSender<Message> _sender = null!;
    private MessageQueueReceiver<Message> _receiver = null!;
    private Channel<Message> _channel = null!;
    private ThreadedEndpoint _endpoint = null!;
    private Thread _serverThread = null!;
    private AdderRpcClient _rpc = null!;

    [GlobalSetup]
    public void Setup()
    {
        var region = new SharedRegion("queue", QueueRegion.SizeFor<Message>(Capacity));
        var senderWake = new Notification("producer", "queue");
        var receiverWake = new Notification("consumer", "queue");
        _sender = new MessageQueueSender<Message>(region, senderWake, receiverWake);
        _receiver = new MessageQueueReceiver<Message>(region, receiverWake, senderWake);
        _channel = System.Threading.Channels.Channel.CreateBounded<Message>(new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true });

        _endpoint = new ThreadedEndpoint("server", "adder", new AdderRpcServer(new PlainAdder()));
        _serverThread = new Thread(_endpoint.Serve) { IsBackground = true };
        _serverThread.Start();
        _rpc = new AdderRpcClient(_endpoint, badge: 1);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _endpoint.Close();
        _serverThread.Join();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages, Description = "bounded Channel<T> SPSC (baseline)")]
    public long BoundedChannel()
    {
        var consumer = Task.Run(async () =>
        {
            long sum = 0;
            var reader = _channel.Reader;
            for (var i = 0; i < Messages; i++)
            {
                if (!reader.TryRead(out var message))
                {
                    message = await reader.ReadAsync().ConfigureAwait(false);
                }

                sum += message.Payload;
            }

            return sum;
        });

        var writer = _channel.Writer;
        for (var i = 0; i < Messages; i++)
        {
            var message = new Message(i, i);
            if (!writer.TryWrite(message))
            {
                writer.WriteAsync(message).AsTask().GetAwaiter().GetResult();
            }
        }

        return consumer.GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = Messages, Description = "seL4MessageQueue ring")]
    public long Queue()
    {
        long sum = 0;
        var consumer = new Thread(() =>
        {
            for (var i = 0; i < Messages; i++)
            {
                sum += _receiver.Dequeue().Payload;
            }
        });
        consumer.Start();
        for (var i = 0; i < Messages; i++)
        {
            _sender.Enqueue(new Message(i, i));
        }

        consumer.Join();
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Messages, Description = "seL4MessageQueue ring, batches of 32")]
    public long QueueBatched()
    {
        long sum = 0;
        var consumer = new Thread(() =>
        {
            Span<Message> batch = stackalloc Message[32];
            for (var received = 0; received < Messages;)
            {
                var count = _receiver.TryDequeue(batch);
                if (count == 0)
                {
                    batch[0] = _receiver.Dequeue();
                    count = 1;
                }

                for (var i = 0; i < count; i++)
                {
                    sum += batch[i].Payload;
                }

                received += count;
            }
        });
        consumer.Start();
        Span<Message> outgoing = stackalloc Message[32];
        for (var sent = 0; sent < Messages;)
        {
            var count = Math.Min(32, Messages - sent);
            for (var i = 0; i < count; i++)
            {
                outgoing[i] = new Message(sent + i, sent + i);
            }

            var done = 0;
            while (done < count)
            {
                var n = _sender.TryEnqueue(outgoing[done..count]);
                if (n == 0)
                {
                    _sender.Enqueue(outgoing[done]);
                    n = 1;
                }

                done += n;
            }

            sent += count;
        }

        consumer.Join();
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Messages, Description = "seL4RPCCall per message")]
    public long RpcCall()
    {
        long sum = 0;
        for (var i = 0; i < Messages; i++)
        {
            sum += _rpc.Add(i, 1);
        }

        return sum;
    }
}
