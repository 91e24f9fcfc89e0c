namespace TestSingleAddressSpaceHeap;

/// <summary>Tells the server where its heap area lies.</summary>
public sealed class Client : ClientBase
{
    private readonly MorecoreArea _morecore = MorecoreArea.Allocate();

    protected override void Run() => M.MorecoreRange(_morecore.Start, MorecoreArea.Size);
}
