using UxRt.Camkes.Runtime.Dataports;
using UxRt.Camkes.Runtime.Glue;

namespace UxRt.Camkes.Runtime.Tests.Dataports;

/// <summary>dataport_wrap_ptr / dataport_unwrap_ptr: a wrapped place means the same memory at every end, and nothing elsewhere.</summary>
public sealed class DataportPtrTests
{
    [Fact]
    public void A_pointer_wrapped_at_one_end_unwraps_to_the_same_place_at_another()
    {
        var region = new SharedRegion("conn");
        var client = new Dataport(region);
        var server = new Dataport(region, DataportAccess.Read);

        client.Write<int>(16) = 42;
        var pointer = client.Wrap(16);

        Assert.False(pointer.IsNull);
        Assert.Equal(42, server.Unwrap<int>(pointer));
    }

    [Fact]
    public void A_pointer_into_memory_the_end_was_not_granted_does_not_unwrap()
    {
        var granted = new Dataport(new SharedRegion("mine"));
        var other = new Dataport(new SharedRegion("theirs"));

        var pointer = other.Wrap(8);

        Assert.False(granted.Contains(pointer));
        Assert.Throws<ArgumentException>(() => granted.Unwrap<int>(pointer));
        Assert.Throws<ArgumentException>(() => granted.Unwrap<int>(DataportPtr.Null));
    }

    [Fact]
    public void A_pointer_made_from_an_offset_alone_reads_that_offset_in_any_dataport()
    {
        var dataport = new Dataport(new SharedRegion("d"));
        dataport.Write<int>(4) = 7;

        Assert.Equal(7, dataport.Unwrap<int>(new DataportPtr(4)));
    }
}
