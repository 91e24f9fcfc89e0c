using UxRt.Camkes.Runtime.Transport;

namespace UxRt.Camkes.Runtime.Tests.Transport;

/// <summary>
/// Every client API writes what every other reads back: short, long (copied and in place),
/// Unix-style and Stream, against native threaded, passive and unicore servers, at sizes on both
/// sides of the short/long boundary and of the buffer size, at offsets.
/// </summary>
public sealed class TransportPairingTests
{
    private static readonly int[] Sizes =
    [
        1, ShortMessage.MaxBytes - 1, ShortMessage.MaxBytes, ShortMessage.MaxBytes + 1,
        TransportRig.BufferSize - 1, TransportRig.BufferSize, TransportRig.BufferSize + 1, (3 * TransportRig.BufferSize) + 5,
    ];

    public static TheoryData<TransportApi, TransportApi, ServerKind> Pairings()
    {
        var data = new TheoryData<TransportApi, TransportApi, ServerKind>();
        foreach (var writer in TransportApis.All)
        {
            foreach (var reader in TransportApis.All)
            {
                foreach (var kind in Enum.GetValues<ServerKind>())
                {
                    data.Add(writer, reader, kind);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pairings))]
    public void What_one_api_writes_another_reads_back(TransportApi writer, TransportApi reader, ServerKind kind)
    {
        using var rig = TransportRig.Start(kind);
        var client = rig.ReadWrite;
        var limit = Math.Min(writer.Capacity(client), reader.Capacity(client));
        foreach (var size in Sizes.Where(s => s <= limit))
        {
            var offset = size * 3L;
            var data = TransportApis.Pattern(size);
            Assert.Equal(size, writer.Write(client, offset, data));

            var back = new byte[size];
            Assert.Equal(size, reader.Read(client, offset, back));
            Assert.Equal(data, back);
        }
    }

    [Theory]
    [InlineData(TransportApi.Short)]
    [InlineData(TransportApi.Long)]
    [InlineData(TransportApi.Unix)]
    public void Reads_at_an_offset_see_the_bytes_written_there_and_stop_at_the_end(TransportApi api)
    {
        using var rig = TransportRig.Start(ServerKind.Threaded);
        var client = rig.ReadWrite;
        var data = TransportApis.Pattern(900);
        Assert.Equal(900, client.Write(0, data));

        var middle = new byte[100];
        Assert.Equal(100, api.Read(client, 400, middle));
        Assert.Equal(data.AsSpan(400, 100).ToArray(), middle);

        var tail = new byte[300];
        Assert.Equal(50, api.Read(client, 850, tail));
        Assert.Equal(data.AsSpan(850, 50).ToArray(), tail.AsSpan(0, 50).ToArray());
        Assert.Equal(0, api.Read(client, 5000, tail));
    }

    [Fact]
    public void A_unix_write_larger_than_the_buffer_goes_as_several_long_messages_and_reads_back_whole()
    {
        using var rig = TransportRig.Start(ServerKind.Threaded);
        var data = TransportApis.Pattern(10 * TransportRig.BufferSize + 17);

        Assert.Equal(data.Length, rig.ReadWrite.Write(7, data));

        var back = new byte[data.Length];
        Assert.Equal(data.Length, rig.ReadWrite.ReadLong(7, back.AsSpan(0, TransportRig.BufferSize)) + rig.ReadWrite.Read(7 + TransportRig.BufferSize, back.AsSpan(TransportRig.BufferSize)));
        Assert.Equal(data, back);
    }

    [Fact]
    public void The_server_sees_the_path_the_badge_and_the_message_kind()
    {
        using var rig = TransportRig.Start(ServerKind.Threaded);

        rig.ReadWrite.WriteShort(0, new byte[3]);

        Assert.Equal(9, rig.Files.LastBadge);
        Assert.Equal("/srv/fs/rw", rig.ReadWriteEndpoint.Path);
    }
}
