using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Tests.Support;

namespace UxRt.Camkes.Runtime.Tests.Rpc;

[Collection(HeavyLoad.Name)]
public sealed class RpcLoadTests
{
    [Fact]
    public void Eight_clients_making_100_000_calls_each_into_one_server_are_each_served_exactly_once_and_in_order()
    {
        const int Clients = 8;
        const int CallsEach = 100_000;
        var ledger = new CallLedger(Clients);
        using var served = ServedEndpoint.Start(EndpointKind.Threaded, new CalculatorDispatcher(ledger));
        var replies = new long[Clients];

        // A generous bound: 800,000 round trips on a busy 2-core machine can take a while, but never forever.
        Bounded.RunThreads(TimeSpan.FromMinutes(2), Enumerable.Range(0, Clients).Select(client => (Action)(() =>
        {
            var calculator = new CalculatorClient(served.Endpoint, badge: client + 1);
            for (var sequence = 0; sequence < CallsEach; sequence++)
            {
                // The server answers with the sequence number it expected next from this badge.
                if (calculator.Add(sequence, 0) == sequence)
                {
                    replies[client]++;
                }
            }
        })).ToArray());

        Assert.All(replies, count => Assert.Equal(CallsEach, count));
        Assert.All(ledger.CallsPerBadge, count => Assert.Equal(CallsEach, count));
        Assert.Equal(0, ledger.OutOfOrder);
    }

    /// <summary>Counts calls per sender and checks each sender's sequence numbers arrive once each, in order.</summary>
    private sealed class CallLedger(int clients) : StubCalculator
    {
        public long[] CallsPerBadge { get; } = new long[clients];

        public int OutOfOrder { get; private set; }

        public override int Add(int sequence, int unused)
        {
            var index = CallContext.SenderBadge - 1;
            var expected = (int)CallsPerBadge[index];
            if (sequence != expected)
            {
                OutOfOrder++;
            }

            CallsPerBadge[index]++;
            return expected;
        }
    }
}
