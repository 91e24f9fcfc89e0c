using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using UxRt.Camkes.Runtime.Notifications;

namespace UxRt.Camkes.Runtime.Dataports;

/// <summary>
/// One end of a dataport: a view of the connection's shared region with this end's access
/// rights. Ordering between ends is the user's, as in CAmkES: write, then <see cref="Release"/>
/// (and signal); on the other side wait, then <see cref="Acquire"/>, then read.
/// </summary>
public class Dataport
{
    private readonly SharedRegion _region;

    public Dataport(SharedRegion region, DataportAccess access = DataportAccess.ReadWrite)
    {
        ArgumentNullException.ThrowIfNull(region);
        _region = region;
        Access = access;
    }

    public string Name => _region.Name;

    public int Size => _region.Size;

    public DataportAccess Access { get; }

    public bool CanRead => (Access & DataportAccess.Read) != 0;

    public bool CanWrite => (Access & DataportAccess.Write) != 0;

    /// <summary>The shared bytes, for reading.</summary>
    /// <exception cref="UnauthorizedAccessException">This end may not read.</exception>
    public ReadOnlySpan<byte> Bytes
    {
        get
        {
            DemandRead();
            return _region.Memory;
        }
    }

    /// <summary>The shared bytes, for writing.</summary>
    /// <exception cref="UnauthorizedAccessException">This end is read-only.</exception>
    public Span<byte> WritableBytes
    {
        get
        {
            DemandWrite();
            return _region.Memory;
        }
    }

    /// <summary>Makes the other ends' writes released before this point visible to reads after it (<c>&lt;dp&gt;_acquire()</c>).</summary>
    public void Acquire()
    {
        Simulation.Controlled.EntryPoint("acquire", Name);
        Interlocked.MemoryBarrier();
    }

    /// <summary>
    /// Waits for the other end's signal that it has written, then <see cref="Acquire"/>s: the usual
    /// "wait, acquire, read" in one step that never blocks a virtual CPU. Returns the signal's bits.
    /// </summary>
    public async ValueTask<int> AcquireWhenSignalledAsync(Notification written, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(written);
        var bits = await written.WaitAsync(cancellation);
        Acquire();
        return bits;
    }

    /// <summary>Publishes this end's writes before anything that follows, such as a signal (<c>&lt;dp&gt;_release()</c>).</summary>
    public void Release()
    {
        Interlocked.MemoryBarrier();
        Simulation.Controlled.EntryPoint("release", Name);
    }

    /// <summary>A read-only reference to a <typeparamref name="T"/> at <paramref name="offset"/> in the region.</summary>
    public ref readonly T Read<T>(int offset = 0)
        where T : unmanaged
    {
        DemandRead();
        return ref At<T>(offset);
    }

    /// <summary>A writable reference to a <typeparamref name="T"/> at <paramref name="offset"/> in the region.</summary>
    public ref T Write<T>(int offset = 0)
        where T : unmanaged
    {
        DemandWrite();
        return ref At<T>(offset);
    }

    /// <summary>
    /// A pointer to <paramref name="offset"/> in this dataport that another end of the same
    /// connection can <see cref="Unwrap{T}"/> (CAmkES's <c>dataport_wrap_ptr</c>).
    /// </summary>
    public DataportPtr Wrap(int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(offset, Size);
        return new DataportPtr(offset) { RegionId = _region.Id };
    }

    /// <summary>Whether <paramref name="pointer"/> may be unwrapped here: not null, and wrapped in this memory or made from an offset alone.</summary>
    public bool Contains(DataportPtr pointer) => !pointer.IsNull && (pointer.RegionId == 0 || pointer.RegionId == _region.Id);

    /// <summary>
    /// The <typeparamref name="T"/> that <paramref name="pointer"/> points to (CAmkES's
    /// <c>dataport_unwrap_ptr</c>), with this end's access rights. A pointer wrapped in memory
    /// this end was not granted does not unwrap.
    /// </summary>
    /// <exception cref="ArgumentException">The pointer is null or into another dataport's memory.</exception>
    public ref T Unwrap<T>(DataportPtr pointer)
        where T : unmanaged
    {
        if (!Contains(pointer))
        {
            throw new ArgumentException($"the pointer does not point into dataport '{Name}'", nameof(pointer));
        }

        return ref CanWrite ? ref Write<T>(pointer.Offset) : ref Unsafe.AsRef(in Read<T>(pointer.Offset));
    }

    private ref T At<T>(int offset)
        where T : unmanaged
    {
        if (offset < 0 || offset > Size - Unsafe.SizeOf<T>())
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, $"a {typeof(T).Name} at this offset does not fit in the {Size}-byte dataport '{Name}'");
        }

        return ref Unsafe.As<byte, T>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_region.Memory), offset));
    }

    private void DemandRead()
    {
        if (!CanRead)
        {
            throw new UnauthorizedAccessException($"this end of dataport '{Name}' is write-only");
        }
    }

    private void DemandWrite()
    {
        if (!CanWrite)
        {
            throw new UnauthorizedAccessException($"this end of dataport '{Name}' is read-only");
        }
    }
}
