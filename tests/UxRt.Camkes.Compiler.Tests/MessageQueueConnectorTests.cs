using System.Reflection;
using UxRt.Camkes.Runtime.Kernel;

namespace UxRt.Camkes.Compiler.Tests;

/// <summary>
/// global-components' seL4MessageQueue as the generator wires it: the dataports of the connection
/// become a typed sender and receiver of the spec's struct over one shared ring, for a native and a
/// unicore receiver, and what the spec gets wrong is an error at the connection.
/// </summary>
public sealed class MessageQueueConnectorTests
{
    private static string Spec(string receiverThreading) => $$"""
        import <std_connector.camkes>;
        import <global-connectors.camkes>;
        struct Sample { int sequence; int check; };
        component Producer { control; dataport Sample outbox; }
        component Consumer { control; dataport Sample inbox; }
        assembly {
            composition {
                component Producer producer;
                component Consumer consumer;
                connection seL4MessageQueue samples(from producer.outbox, to consumer.inbox);
            }
            configuration {
                samples.queue_size = 4;
                consumer.threading = "{{receiverThreading}}";
            }
        }
        """;

    // 1000 messages through a 4-slot ring: every wrap-around, a full ring and an empty one are met.
    private const string Producer = """
        namespace Demo;
        public sealed class Producer : ProducerBase
        {
            public static int Capacity;

            protected override void Run()
            {
                Capacity = Outbox.Capacity;
                for (var i = 0; i < 1000; i++)
                {
                    Outbox.Enqueue(new Sample { Sequence = i, Check = i * 7 }, StopRequested);
                }
            }
        }
        """;

    private const string NativeConsumer = """
        namespace Demo;
        public sealed class Consumer : ConsumerBase
        {
            public static readonly System.Collections.Generic.List<int> Received = new();

            protected override void Run()
            {
                for (var i = 0; i < 1000; i++)
                {
                    var sample = Inbox.Dequeue(StopRequested);
                    Received.Add(sample.Check == sample.Sequence * 7 ? sample.Sequence : -1);
                }
            }
        }
        """;

    private const string UnicoreConsumer = """
        namespace Demo;
        public sealed class Consumer : ConsumerBase
        {
            public static readonly System.Collections.Generic.List<int> Received = new();
            public static bool StayedOnCpu = true;

            protected override async System.Threading.Tasks.Task RunAsync()
            {
                var cpu = UxRt.Camkes.Runtime.Threading.VirtualCpu.Current;
                for (var i = 0; i < 1000; i++)
                {
                    var sample = await Inbox.DequeueAsync(StopRequested);
                    StayedOnCpu &= cpu is not null && UxRt.Camkes.Runtime.Threading.VirtualCpu.Current == cpu;
                    Received.Add(sample.Check == sample.Sequence * 7 ? sample.Sequence : -1);
                }
            }
        }
        """;

    [Theory]
    [InlineData("native")]
    [InlineData("unicore")]
    public void Every_message_arrives_once_in_order_through_the_generated_ends(string threading)
    {
        var assembly = new GeneratorHarness()
            .WithSpec("queue.camkes", Spec(threading))
            .WithCode("Usings.cs", Specs.Usings)
            .WithCode("Producer.cs", Producer)
            .WithCode("Consumer.cs", threading == "unicore" ? UnicoreConsumer : NativeConsumer)
            .Load();

        using var kernel = Create(assembly);
        Assert.Equal(0, kernel.Run());

        var consumer = assembly.GetType("Demo.Consumer")!;
        Assert.Equal(Enumerable.Range(0, 1000), (System.Collections.Generic.List<int>)consumer.GetField("Received")!.GetValue(null)!);
        Assert.Equal(4, (int)assembly.GetType("Demo.Producer")!.GetField("Capacity")!.GetValue(null)!);
        if (threading == "unicore")
        {
            Assert.True((bool)consumer.GetField("StayedOnCpu")!.GetValue(null)!);
        }
    }

    [Fact]
    public void A_queue_of_byte_buffers_is_an_error_at_the_connection()
    {
        const string spec = """
            import <std_connector.camkes>;
            import <global-connectors.camkes>;
            component Producer { control; dataport Buf outbox; }
            component Consumer { control; dataport Buf inbox; }
            assembly {
                composition {
                    component Producer producer;
                    component Consumer consumer;
                    connection seL4MessageQueue samples(from producer.outbox, to consumer.inbox);
                }
            }
            """;

        var (_, result) = new GeneratorHarness().WithSpec("queue.camkes", spec).Run();

        var error = Assert.Single(result.Diagnostics, d => d.Id.StartsWith("ADL", StringComparison.Ordinal));
        Assert.Equal("ADL0021", error.Id);
        Assert.Equal(8, error.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("struct of its messages", error.GetMessage(), StringComparison.Ordinal);
    }

    private static SystemKernel Create(Assembly assembly) =>
        (SystemKernel)assembly.GetType("Demo.QueueSystem")!.GetMethod("Create", [typeof(Microsoft.Extensions.Logging.ILogger), typeof(string)])!.Invoke(null, new object?[] { null, null })!;
}
