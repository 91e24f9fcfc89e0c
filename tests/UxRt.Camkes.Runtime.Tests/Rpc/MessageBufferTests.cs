using UxRt.Camkes.Runtime.Glue;

namespace UxRt.Camkes.Runtime.Tests.Rpc;

public sealed class MessageBufferTests
{
    [Fact]
    public void Values_strings_and_arrays_read_back_as_written()
    {
        var buffer = new MessageBuffer(256);

        buffer.Write(42);
        buffer.Write(true);
        buffer.Write(2.5);
        buffer.WriteString("grüße");
        buffer.WriteString(null);
        buffer.WriteArray(new[] { 1L, 2L, 3L });
        buffer.WriteArray(Array.Empty<byte>());
        buffer.WriteStrings(["a", "bc"]);
        buffer.Rewind();

        Assert.Equal(42, buffer.Read<int>());
        Assert.True(buffer.Read<bool>());
        Assert.Equal(2.5, buffer.Read<double>());
        Assert.Equal("grüße", buffer.ReadString());
        Assert.Null(buffer.ReadString());
        Assert.Equal([1L, 2L, 3L], buffer.ReadArray<long>());
        Assert.Empty(buffer.ReadArray<byte>());
        Assert.Equal(["a", "bc"], buffer.ReadStrings());
    }

    [Fact]
    public void A_message_larger_than_the_buffer_is_refused_with_its_size()
    {
        var buffer = new MessageBuffer(16);

        var error = Assert.Throws<InvalidOperationException>(() => buffer.WriteString(new string('x', 40)));

        Assert.Contains("16-byte", error.Message);
        Assert.Contains("44 bytes", error.Message);
    }

    [Fact]
    public void Reading_past_what_was_written_is_refused()
    {
        var buffer = new MessageBuffer(4);
        buffer.Write(1);
        buffer.Rewind();
        buffer.Read<int>();

        Assert.Throws<InvalidOperationException>(() => buffer.Read<int>());
    }

    [Fact]
    public void A_received_message_is_read_only_as_far_as_it_arrived_never_into_what_an_earlier_one_left()
    {
        var buffer = new MessageBuffer(256);
        buffer.Load(Payload(w => w.WriteString("another connection's secret")));

        // A later, empty message in the same (pooled) buffer: nothing of the first one shows through.
        buffer.Load(ReadOnlySpan<byte>.Empty);
        Assert.Throws<InvalidOperationException>(() => buffer.ReadString());

        // A message that announces a longer string than it carries.
        buffer.Load(Payload(w => w.Write(20)));
        Assert.Throws<InvalidOperationException>(() => buffer.ReadString());
    }

    [Fact]
    public void An_announced_length_is_checked_against_what_arrived_before_anything_is_allocated()
    {
        var buffer = new MessageBuffer(256);
        buffer.Load(Payload(w => w.Write(268_435_456)));
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        Assert.Throws<InvalidOperationException>(() => buffer.ReadArray<int>());
        buffer.Rewind();
        Assert.Throws<InvalidOperationException>(() => buffer.ReadStrings());
        buffer.Load(Payload(w => w.Write(-5)));
        Assert.Throws<InvalidOperationException>(() => buffer.ReadArray<long>());

        // The exceptions and their messages only: nowhere near the gigabyte announced.
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 64 * 1024, "the announced length was allocated");
    }

    [Fact]
    public void A_reply_written_over_a_longer_request_ends_where_the_reply_does()
    {
        var buffer = new MessageBuffer(256);
        buffer.WriteString("a long request with text the reply must not carry");
        buffer.Rewind();
        buffer.Write(7);
        buffer.Rewind();

        Assert.Equal(7, buffer.Read<int>());
        Assert.Throws<InvalidOperationException>(() => buffer.Read<int>());
    }

    private static byte[] Payload(Action<MessageBuffer> write)
    {
        var writer = new MessageBuffer(256);
        write(writer);
        return writer.Written.ToArray();
    }
}
