using System.Runtime.InteropServices;

namespace TestSingleAddressSpaceHeap;

/// <summary>
/// A component's own heap area (CAmkES's morecore_area): native memory allocated once per
/// instance. The two instances share a group, as in CAmkES one address space, so the test is that
/// their areas do not overlap.
/// </summary>
internal sealed class MorecoreArea
{
    // CAmkES's default heap_size for a component.
    public const int Size = 1 << 20;

    private MorecoreArea(nuint start) => Start = start;

    public nuint Start { get; }

    public nuint End => Start + Size;

    // Never freed: like a CAmkES heap, it lives as long as the system.
    public static MorecoreArea Allocate() => new((nuint)Marshal.AllocHGlobal(Size));

    public static bool Overlap(nuint start, nuint end, nuint otherStart, nuint otherEnd) => start < otherEnd && otherStart < end;
}
