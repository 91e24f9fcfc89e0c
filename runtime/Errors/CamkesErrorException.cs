namespace UxRt.Camkes.Runtime.Errors;

/// <summary>A glue error that no handler discarded: it fails the calling thread, which the kernel reports as a fault.</summary>
public sealed class CamkesErrorException : Exception
{
    public CamkesErrorException(CamkesError error)
        : base(error?.ToString())
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    public CamkesError Error { get; }
}
