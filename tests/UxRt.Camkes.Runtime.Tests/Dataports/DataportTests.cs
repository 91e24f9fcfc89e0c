using System.Runtime.InteropServices;
using UxRt.Camkes.Runtime.Dataports;
using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Notifications;
using UxRt.Camkes.Runtime.Tests.Support;

namespace UxRt.Camkes.Runtime.Tests.Dataports;

public sealed class DataportTests
{
    [StructLayout(LayoutKind.Sequential)]
    private struct Frame
    {
        public int Sequence;
        public long Checksum;
    }

    [Fact]
    public void A_region_is_4096_zeroed_bytes_by_default_or_the_size_asked_for()
    {
        var standard = new Dataport(new SharedRegion("d"));
        var sized = new Dataport(new SharedRegion("d", 64));

        Assert.Equal(4096, standard.Size);
        Assert.True(standard.Bytes.IndexOfAnyExcept((byte)0) < 0);
        Assert.Equal(64, sized.Size);
    }

    [Fact]
    public void Every_end_of_a_connection_sees_the_same_memory()
    {
        var region = new SharedRegion("d", 128);
        var ends = Enumerable.Range(0, 4).Select(_ => new Dataport(region)).ToArray();

        ends[0].WritableBytes[5] = 42;
        ends[2].Write<int>(offset: 8) = 0x1234;

        Assert.All(ends, end => Assert.Equal(42, end.Bytes[5]));
        Assert.All(ends, end => Assert.Equal(0x1234, end.Read<int>(offset: 8)));
    }

    [Fact]
    public void A_typed_dataport_is_read_and_written_in_place_through_references()
    {
        var region = new SharedRegion("frames", 64);
        var writer = new Dataport<Frame>(region);
        var reader = new Dataport<Frame>(region, DataportAccess.Read);

        ref var frame = ref writer.WritableValue;
        frame.Sequence = 7;
        frame.Checksum = 99;

        Assert.Equal(7, reader.Value.Sequence);
        Assert.Equal(99, reader.Value.Checksum);
    }

    [Fact]
    public void A_read_only_end_cannot_write_and_a_write_only_end_cannot_read()
    {
        var region = new SharedRegion("d", 64);
        var readOnly = new Dataport<Frame>(region, DataportAccessParser.Parse("R"));
        var writeOnly = new Dataport(region, DataportAccessParser.Parse("W"));

        Assert.False(readOnly.CanWrite);
        Assert.Throws<UnauthorizedAccessException>(() => readOnly.WritableBytes.Length);
        Assert.Throws<UnauthorizedAccessException>(() => readOnly.WritableValue.Sequence = 1);
        Assert.Throws<UnauthorizedAccessException>(() => readOnly.Write<int>());
        Assert.Throws<UnauthorizedAccessException>(() => writeOnly.Bytes.Length);
        Assert.Equal(0, readOnly.Value.Sequence);
    }

    [Theory]
    [InlineData("R", DataportAccess.Read)]
    [InlineData("W", DataportAccess.Write)]
    [InlineData("RW", DataportAccess.ReadWrite)]
    [InlineData("rwx", DataportAccess.ReadWrite)]
    public void Access_rights_are_read_in_the_camkes_spelling(string rights, DataportAccess expected)
    {
        Assert.Equal(expected, DataportAccessParser.Parse(rights));
    }

    [Fact]
    public void Unknown_access_rights_out_of_bounds_offsets_and_oversized_types_are_refused()
    {
        var region = new SharedRegion("d", 8);

        Assert.Throws<FormatException>(() => DataportAccessParser.Parse("RQ"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dataport(region).Read<long>(offset: 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dataport(region).Read<int>(offset: -1));
        Assert.Throws<ArgumentException>(() => new Dataport<Frame>(region));
    }

    [Fact]
    public void Release_then_signal_and_wait_then_acquire_hand_each_frame_over_intact()
    {
        const int Frames = 5_000;
        var region = new SharedRegion("frames", 64);
        var producerEnd = new Dataport<Frame>(region, DataportAccess.Write | DataportAccess.Read);
        var consumerEnd = new Dataport<Frame>(region, DataportAccess.Read);
        var filled = new Notification("consumer", "filled");
        var drained = new Notification("producer", "drained");
        using var timeout = new CancellationTokenSource(Bounded.Wait);
        var corrupt = 0;

        Bounded.RunThreads(
            () =>
            {
                for (var i = 1; i <= Frames; i++)
                {
                    ref var frame = ref producerEnd.WritableValue;
                    frame.Sequence = i;
                    frame.Checksum = i * 31L;
                    producerEnd.Release();
                    filled.Signal();
                    drained.Wait(timeout.Token);
                }
            },
            () =>
            {
                for (var i = 1; i <= Frames; i++)
                {
                    filled.Wait(timeout.Token);
                    consumerEnd.Acquire();
                    var frame = consumerEnd.Value;
                    if (frame.Sequence != i || frame.Checksum != i * 31L)
                    {
                        corrupt++;
                    }

                    drained.Signal();
                }
            });

        Assert.Equal(0, corrupt);
    }
}
