namespace UxRt.Camkes.Runtime.Errors;

/// <summary>What went wrong in glue code (CAmkES's <c>camkes_error_type_t</c>, the kinds this runtime raises).</summary>
public enum CamkesErrorType
{
    /// <summary>A call's arguments do not fit the buffer its connection marshals them through (<c>CE_BUFFER_LENGTH_EXCEEDED</c>).</summary>
    BufferLengthExceeded,
}

/// <summary>
/// An error the glue met on a component's behalf (CAmkES's <c>camkes_error_t</c>), handed to the
/// handler the component registered for the interface, which decides what happens to the call.
/// </summary>
/// <param name="Instance">The instance whose glue met the error.</param>
/// <param name="Interface">The interface, as the spec names it.</param>
/// <param name="Method">The method being called, as the spec names it.</param>
/// <param name="Length">How many bytes the call needed.</param>
/// <param name="Capacity">How many the buffer holds.</param>
public sealed record CamkesError(CamkesErrorType Type, string Instance, string Interface, string Method, int Length, int Capacity)
{
    public override string ToString() =>
        $"{Type} in {Instance}.{Interface}.{Method}: the call needs {Length} bytes of a {Capacity}-byte buffer";
}
