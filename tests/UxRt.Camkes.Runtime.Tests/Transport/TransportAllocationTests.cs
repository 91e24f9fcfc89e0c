using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Transport;

namespace UxRt.Camkes.Runtime.Tests.Transport;

/// <summary>Short and long messages allocate nothing per call in steady state (measured on the calling thread).</summary>
[Collection(ProcessWideListeners.Name)]
public sealed class TransportAllocationTests
{
    [Theory]
    [InlineData(ServerKind.Threaded)]
    [InlineData(ServerKind.Passive)]
    public void Short_long_and_unix_round_trips_allocate_nothing(ServerKind kind)
    {
        using var rig = TransportRig.Start(kind);
        var client = rig.ReadWrite;
        var small = new byte[64];
        var large = new byte[3 * TransportRig.BufferSize];
        for (var i = 0; i < 100; i++)
        {
            RoundTrips(client, small, large);
        }

        const int Rounds = 500;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Rounds; i++)
        {
            RoundTrips(client, small, large);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < Rounds, $"{allocated} bytes allocated over {Rounds} rounds");
    }

    // Checked by hand: xunit's Assert.Equal allocates, which would hide what the transport does.
    private static void RoundTrips(TransportClient client, byte[] small, byte[] large)
    {
        var moved = client.WriteShort(0, small) + client.ReadShort(0, small) + client.WriteLong(0, small) + client.ReadLong(0, small)
            + client.Write(0, large) + client.Read(0, large);
        if (moved != (4 * small.Length) + (2 * large.Length))
        {
            throw new InvalidOperationException($"moved {moved} bytes");
        }
    }
}
