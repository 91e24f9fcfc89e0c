using UxRt.Camkes.Runtime.Dataports;

namespace TestDataportPtrWrap;

/// <summary>The end of the chain: the pointer it is posted must show the client's 42.</summary>
public sealed class Server : ServerBase
{
    protected override void P_Post(DataportPtr ptr)
    {
        Check.That(!ptr.IsNull, "the server was posted a null pointer");
        D.Acquire();
        var value = D.Unwrap<int>(ptr);
        Check.That(value == 42, $"the server read {value} through the pointer, not 42");
    }
}
