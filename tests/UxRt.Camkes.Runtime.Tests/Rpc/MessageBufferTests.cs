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
}
