using UxRt.Camkes.Runtime.Dataports;

namespace TestDataportPtrWrap;

/// <summary>
/// Unwraps the pointer it is posted in its own view of the dataport, copies the value to another
/// place and posts a pointer to the copy onwards: a pointer made at one end means the same
/// memory at every other.
/// </summary>
public sealed class Intermediary : IntermediaryBase
{
    private const int CopyOffset = 32;

    protected override void P1Post(DataportPtr ptr)
    {
        Check.That(!ptr.IsNull, $"{InstanceName} was posted a null pointer");
        D.Acquire();
        var value = D.Unwrap<int>(ptr);
        Check.That(value == 42, $"{InstanceName} read {value} through the pointer, not 42");

        D.Write<int>(CopyOffset) = value;
        D.Release();
        P2.Post(D.Wrap(CopyOffset));
    }
}
