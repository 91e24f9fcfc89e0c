namespace UxRt.Camkes.Runtime.Dataports;

/// <summary>
/// CAmkES's <c>dataport_ptr_t</c>: a place in a dataport, passed in a call instead of a pointer
/// (a pointer means nothing at the other end; an offset into the shared region means the same to both).
/// </summary>
/// <remarks>
/// One made by <see cref="Dataport.Wrap"/> (<c>dataport_wrap_ptr</c>) also names the connection
/// it points into, so <see cref="Dataport.Unwrap{T}"/> at another end takes it only in a view of
/// that same memory; one made from an offset alone is an offset into whichever dataport reads it.
/// </remarks>
public readonly record struct DataportPtr(int Offset)
{
    private const int NullRegion = -1;

    /// <summary>The pointer that points nowhere (CAmkES's <c>ptr.id == -1</c>).</summary>
    public static DataportPtr Null { get; } = new(0) { RegionId = NullRegion };

    public bool IsNull => RegionId == NullRegion;

    /// <summary>The region it was wrapped in (<see cref="SharedRegion"/>'s id), 0 when made from an offset alone.</summary>
    internal int RegionId { get; init; }
}
