namespace UxRt.Camkes.Runtime.Dataports;

/// <summary>A dataport declared with a struct type: the region holds one <typeparamref name="T"/>, read and written in place.</summary>
public sealed class Dataport<T> : Dataport
    where T : unmanaged
{
    public Dataport(SharedRegion region, DataportAccess access = DataportAccess.ReadWrite)
        : base(region, access)
    {
        if (region.Size < System.Runtime.CompilerServices.Unsafe.SizeOf<T>())
        {
            throw new ArgumentException($"a {typeof(T).Name} does not fit in the {region.Size}-byte region '{region.Name}'", nameof(region));
        }
    }

    /// <summary>The shared value, for reading.</summary>
    /// <exception cref="UnauthorizedAccessException">This end may not read.</exception>
    public ref readonly T Value => ref Read<T>();

    /// <summary>The shared value, for writing in place.</summary>
    /// <exception cref="UnauthorizedAccessException">This end is read-only.</exception>
    public ref T WritableValue => ref Write<T>();
}
