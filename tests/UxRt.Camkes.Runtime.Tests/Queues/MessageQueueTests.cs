using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Notifications;
using UxRt.Camkes.Runtime.Queues;
using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Threading;

namespace UxRt.Camkes.Runtime.Tests.Queues;

public sealed class MessageQueueTests
{
    private record struct Sample(long Sequence, long Check);

    private sealed record Ends(MessageQueueSender<Sample> Sender, MessageQueueReceiver<Sample> Receiver, Notification SenderWake, Notification ReceiverWake);

    // A region of `slots` 16-byte slots after the ring's header.
    private static Ends Queue(int slots)
    {
        var region = new SharedRegion("q", QueueRegion.SizeFor<Sample>(slots));
        var senderWake = new Notification("producer", "q");
        var receiverWake = new Notification("consumer", "q");
        return new Ends(
            new MessageQueueSender<Sample>(region, senderWake, receiverWake),
            new MessageQueueReceiver<Sample>(region, receiverWake, senderWake),
            senderWake,
            receiverWake);
    }

    private static Sample Message(long i) => new(i, i * 31 + 7);

    [Fact]
    public void Messages_arrive_in_order_without_loss_or_duplication_across_many_wrap_arounds()
    {
        var q = Queue(slots: 5);
        var received = new List<long>();
        for (var i = 0; i < 1000; i++)
        {
            Assert.True(q.Sender.TryEnqueue(Message(i)));
            if (i % 3 == 2)
            {
                while (q.Receiver.TryDequeue(out var m))
                {
                    Assert.Equal(Message(m.Sequence), m);
                    received.Add(m.Sequence);
                }
            }
        }

        while (q.Receiver.TryDequeue(out var last))
        {
            received.Add(last.Sequence);
        }

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (long)i), received);
    }

    [Fact]
    public void A_full_ring_refuses_and_an_empty_one_has_nothing()
    {
        var q = Queue(slots: 4);
        Assert.False(q.Receiver.TryDequeue(out _));
        Assert.Equal(4, q.Sender.Capacity);
        for (var i = 0; i < 4; i++)
        {
            Assert.True(q.Sender.TryEnqueue(Message(i)));
        }

        Assert.False(q.Sender.TryEnqueue(Message(4)));
        Assert.True(q.Receiver.TryDequeue(out var first));
        Assert.Equal(0, first.Sequence);
        Assert.True(q.Sender.TryEnqueue(Message(4)));
        Assert.False(q.Sender.TryEnqueue(Message(5)));
    }

    [Fact]
    public void A_batch_is_sent_up_to_the_room_left_and_taken_in_order()
    {
        var q = Queue(slots: 6);
        var batch = Enumerable.Range(0, 10).Select(i => Message(i)).ToArray();
        Assert.Equal(6, q.Sender.TryEnqueue(batch));

        var taken = new Sample[4];
        Assert.Equal(4, q.Receiver.TryDequeue(taken));
        Assert.Equal(batch[..4], taken);
        Assert.Equal(4, q.Sender.TryEnqueue(batch.AsSpan(6)));

        var rest = new Sample[10];
        Assert.Equal(6, q.Receiver.TryDequeue(rest));
        Assert.Equal(batch[4..], rest[..6]);
    }

    [Fact]
    public async Task A_sender_signals_only_a_receiver_that_said_it_sleeps()
    {
        var q = Queue(slots: 8);
        for (var i = 0; i < 5; i++)
        {
            Assert.True(q.Sender.TryEnqueue(Message(i)));
        }

        // The receiver never waited, so a burst of sends cost no notification.
        Assert.Equal(0, q.ReceiverWake.Poll());
        Assert.Equal(5, q.Receiver.TryDequeue(new Sample[8]));
        Assert.Equal(0, q.SenderWake.Poll());

        var waiting = Task.Run(() => q.Receiver.Dequeue());
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        Assert.True(q.Sender.TryEnqueue(Message(5)));
        Assert.Equal(5, (await waiting.WaitAsync(Bounded.Wait)).Sequence);
    }

    [Fact]
    public void A_blocked_receiver_and_a_blocked_sender_are_always_woken()
    {
        // Two slots and a consumer that often sleeps: every message is a chance to lose a wake-up.
        var q = Queue(slots: 2);
        const int Count = 20_000;
        var received = new long[Count];
        Bounded.RunThreads(
            () =>
            {
                for (var i = 0; i < Count; i++)
                {
                    q.Sender.Enqueue(Message(i));
                }
            },
            () =>
            {
                for (var i = 0; i < Count; i++)
                {
                    received[i] = q.Receiver.Dequeue().Sequence;
                }
            });

        Assert.Equal(Enumerable.Range(0, Count).Select(i => (long)i), received);
    }

    [Fact]
    public async Task A_unicore_receiver_awaits_on_its_cpu_and_stays_there()
    {
        var q = Queue(slots: 3);
        var cpu = new VirtualCpu("consumer");
        try
        {
            var onCpu = new List<bool>();
            var done = new TaskCompletionSource<List<long>>();
            cpu.Post(async () =>
            {
                var sequences = new List<long>();
                for (var i = 0; i < 50; i++)
                {
                    sequences.Add((await q.Receiver.DequeueAsync()).Sequence);
                    onCpu.Add(cpu.IsCurrent);
                }

                done.SetResult(sequences);
            });

            for (var i = 0; i < 50; i++)
            {
                await q.Sender.EnqueueAsync(Message(i)).AsTask().WaitAsync(Bounded.Wait);
            }

            var got = await done.Task.WaitAsync(Bounded.Wait);
            Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), got);
            Assert.All(onCpu, Assert.True);
        }
        finally
        {
            Assert.True(cpu.Stop(Bounded.Wait));
        }
    }

    [Fact]
    public void Blocking_on_an_empty_queue_on_a_virtual_cpu_is_refused()
    {
        var q = Queue(slots: 3);
        var cpu = new VirtualCpu("consumer");
        try
        {
            Exception? refused = null;
            cpu.Invoke(() => refused = Record.Exception(() => q.Receiver.Dequeue()));
            var exception = Assert.IsType<BlockingOnVirtualCpuException>(refused);
            Assert.Contains("DequeueAsync", exception.Message);
        }
        finally
        {
            Assert.True(cpu.Stop(Bounded.Wait));
        }
    }

    [Fact]
    public void The_receiver_gets_a_copy_that_later_sends_do_not_change()
    {
        var q = Queue(slots: 1);
        var sample = Message(1);
        Assert.True(q.Sender.TryEnqueue(sample));
        sample.Check = -1;
        Assert.True(q.Receiver.TryDequeue(out var got));
        Assert.True(q.Sender.TryEnqueue(Message(2)));
        Assert.Equal(Message(1), got);
    }

    [Fact]
    public void A_region_too_small_for_one_message_is_refused_at_construction()
    {
        var region = new SharedRegion("tiny", QueueRegion.SizeFor(1, 8));
        var error = Assert.Throws<ArgumentException>(() => new MessageQueueSender<Sample>(region, new Notification("a", "q"), new Notification("b", "q")));
        Assert.Contains("tiny", error.Message);
    }
}
