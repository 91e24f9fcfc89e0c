using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text;
using UxRt.Camkes.Runtime.Errors;

namespace UxRt.Camkes.Runtime.Glue;

/// <summary>
/// The buffer a client's calls are marshalled through when the spec backs its connection with a
/// dataport (<c>conn.buffer = "dataport_connection";</c>): its capacity is that dataport's size,
/// and a call whose arguments, counted as CAmkES marshals them, exceed it goes to the client's
/// error handler instead of the server.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CallBuffer
{
    public CallBuffer(int capacity, string instance, string interfaceName)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        Instance = instance;
        Interface = interfaceName;
    }

    public int Capacity { get; }

    public string Instance { get; }

    public string Interface { get; }

    /// <summary>Set by <see cref="CamkesErrors.RegisterErrorHandler"/>; null means CAmkES's default, halt.</summary>
    internal CamkesErrorHandler? ErrorHandler { get; set; }

    /// <summary>
    /// Whether a call of <paramref name="length"/> bytes may go ahead: true if it fits; false if it
    /// does not and the handler discarded it. Throws when nobody discards it.
    /// </summary>
    /// <exception cref="CamkesErrorException">The call does not fit and no handler discarded it.</exception>
    public bool Admits(string method, int length)
    {
        if (length <= Capacity)
        {
            return true;
        }

        var error = new CamkesError(CamkesErrorType.BufferLengthExceeded, Instance, Interface, method, length, Capacity);
        return ErrorHandler?.Invoke(error) == CamkesErrorAction.Discard ? false : throw new CamkesErrorException(error);
    }

    // What each argument takes in the buffer, as CAmkES's marshalling lays it out: a string with
    // its terminating NUL, an array after its length, anything else by its size.
    public static int SizeOf(string? value) => value is null ? 1 : Encoding.UTF8.GetByteCount(value) + 1;

    public static int SizeOf(string[]? values)
    {
        var size = sizeof(int);
        foreach (var value in values ?? [])
        {
            size += SizeOf(value);
        }

        return size;
    }

    public static int SizeOf<T>(T[]? values) => sizeof(int) + ((values?.Length ?? 0) * Unsafe.SizeOf<T>());

    public static int SizeOf<T>(T value)
        where T : allows ref struct => Unsafe.SizeOf<T>();
}
