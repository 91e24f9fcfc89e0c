namespace TestSingleAddressSpaceHeap;

/// <summary>Compares the client's heap area with its own: in one address space they must not overlap.</summary>
public sealed class Server : ServerBase
{
    private readonly MorecoreArea _morecore = MorecoreArea.Allocate();

    protected override void M_MorecoreRange(nuint morecoreBase, nuint morecoreSize)
    {
        var clientEnd = morecoreBase + morecoreSize;
        Console.WriteLine($"Server's range is 0x{_morecore.Start:x} - 0x{_morecore.End:x}");
        Console.WriteLine($"Client's range is 0x{morecoreBase:x} - 0x{clientEnd:x}");
        if (MorecoreArea.Overlap(_morecore.Start, _morecore.End, morecoreBase, clientEnd))
        {
            throw new InvalidOperationException("morecore regions overlap");
        }

        Console.WriteLine("All OK");
    }
}
