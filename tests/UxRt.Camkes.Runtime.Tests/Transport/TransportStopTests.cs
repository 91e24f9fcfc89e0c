using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Transport;

namespace UxRt.Camkes.Runtime.Tests.Transport;

/// <summary>
/// The stop contract over the UX/RT transport: a client whose read is in flight in a handler that
/// never returns, or queued behind it, gets <see cref="TransportStatus.ShutDown"/> and the named
/// "system stopping" fault when the system stops, instead of waiting forever.
/// </summary>
public sealed class TransportStopTests
{
    private const int Rounds = 50;
    private const int Clients = 3;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reads_in_flight_or_queued_in_a_stuck_handler_end_at_stop_with_the_named_fault(bool passive)
    {
        for (var round = 0; round < Rounds; round++)
        {
            using var release = new ManualResetEventSlim();
            var kernel = new SystemKernel("s") { ShutdownTimeout = TimeSpan.FromMilliseconds(20) };
            kernel.AddInstance("server", new ScriptedComponent(), hasControl: false);
            var handler = new StuckFiles(release);
            var endpoint = TransportWiring.Serve(kernel, "server", "files", "/srv/files", handler, passive: passive);
            var clients = Enumerable.Range(0, Clients).Select(i => TransportWiring.Connect(kernel, endpoint, "client" + i, "files")).ToArray();
            kernel.Start();

            var statuses = new long[Clients];
            var readers = clients.Select((client, i) => new Thread(() => statuses[i] = client.Read(0, new byte[8])) { IsBackground = true }).ToArray();
            foreach (var reader in readers)
            {
                reader.Start();
            }

            // Stopped once every read is accepted: one in the handler, the others queued (or, passive, waiting for their turn).
            Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref handler.Entered) >= 1 && Accepted(endpoint.Rpc, passive), Bounded.Wait), "the reads were not all accepted");
            kernel.Stop();
            // A passive handler runs on its caller's thread: that caller returns with its handler.
            release.Set();

            Assert.All(readers, reader => Assert.True(reader.Join(Bounded.Wait), "a reader was left waiting"));
            // Every read is failed by name, except a passive one, whose handler ran on its own thread and answered.
            var expectedFailures = passive ? Clients - 1 : Clients;
            var faults = clients.Select(c => c.LastFault?.Message).Where(m => m is not null).ToList();
            Assert.True(faults.Count == expectedFailures && faults.All(m => m == "server.files.read failed: system stopping"), $"round {round}: {string.Join(", ", faults)}");
            Assert.Equal(expectedFailures, statuses.Count(s => s == TransportStatus.ShutDown));
            kernel.Dispose();
        }
    }

    private static bool Accepted(global::UxRt.Camkes.Runtime.Glue.Endpoint rpc, bool passive) =>
        passive ? ((global::UxRt.Camkes.Runtime.Glue.PassiveEndpoint)rpc).WaitingCount == Clients - 1 : rpc.OutstandingCount == Clients;

    /// <summary>A file system whose reads wait until the test releases them.</summary>
    private sealed class StuckFiles(ManualResetEventSlim release) : ITransportHandler
    {
        public int Entered;

        public long Read(TransportRequest request, Span<byte> destination)
        {
            Interlocked.Increment(ref Entered);
            release.Wait(Bounded.Wait);
            return 0;
        }

        public long Write(TransportRequest request, ReadOnlySpan<byte> source) => source.Length;
    }
}
