using System.ComponentModel;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>
/// The memory behind one dataport connection, shared by every end. Pinned, so that its address
/// never moves under a <c>ref</c> into it, and zeroed at creation like a fresh seL4 frame.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SharedRegion
{
    /// <summary>CAmkES's default dataport size: one 4 KiB page.</summary>
    public const int DefaultSize = 4096;

    private static int s_lastId;

    public SharedRegion(string name, int size = DefaultSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        Name = name;
        Memory = GC.AllocateArray<byte>(size, pinned: true);
        Id = Interlocked.Increment(ref s_lastId);
    }

    public string Name { get; }

    public int Size => Memory.Length;

    internal byte[] Memory { get; }

    /// <summary>Names the region in a <see cref="Dataports.DataportPtr"/> it wraps, the same at every end; never 0.</summary>
    internal int Id { get; }
}
