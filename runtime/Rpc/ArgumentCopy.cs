using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>
/// Copies array arguments across a procedure call, as seL4's IPC buffer does in CAmkES: the server
/// never holds the client's array and the client never holds the server's, so neither observes
/// the other's memory. The generated client ends call these.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ArgumentCopy
{
    /// <summary>
    /// Copies an argument into <paramref name="buffer"/>, the call frame's own array for it, which
    /// is reused while the length stays the same: a fixed-size array does not allocate per call.
    /// The server sees the buffer only for the duration of the call.
    /// </summary>
    [return: NotNullIfNotNull(nameof(source))]
    public static T[]? In<T>(T[]? source, ref T[]? buffer)
    {
        if (source is null)
        {
            return null;
        }

        if (buffer is null || buffer.Length != source.Length)
        {
            buffer = source.Length == 0 ? [] : new T[source.Length];
        }

        source.AsSpan().CopyTo(buffer);
        return buffer;
    }

    /// <summary>
    /// Copies a result out of the server's memory into memory the caller owns: into
    /// <paramref name="destination"/> (the caller's array of an <c>inout</c> argument) when the
    /// length matches, otherwise into a new array that the caller keeps.
    /// </summary>
    [return: NotNullIfNotNull(nameof(result))]
    public static T[]? Out<T>(T[]? result, T[]? destination)
    {
        if (result is not null && destination is not null && destination.Length == result.Length)
        {
            result.AsSpan().CopyTo(destination);
            return destination;
        }

        return Clone(result);
    }

    /// <summary>A new array with the elements of <paramref name="source"/>: an array inside a struct, which the struct's copy must not share.</summary>
    [return: NotNullIfNotNull(nameof(source))]
    public static T[]? Clone<T>(T[]? source) => source is null ? null : source.Length == 0 ? [] : source.AsSpan().ToArray();

    /// <summary>Like <see cref="Clone{T}(T[])"/>, copying each element with <paramref name="copy"/> (structs that hold arrays of their own).</summary>
    [return: NotNullIfNotNull(nameof(source))]
    public static T[]? Clone<T>(T[]? source, Func<T, T> copy)
    {
        if (source is null)
        {
            return null;
        }

        var copies = source.Length == 0 ? [] : new T[source.Length];
        for (var i = 0; i < source.Length; i++)
        {
            copies[i] = copy(source[i]);
        }

        return copies;
    }
}
