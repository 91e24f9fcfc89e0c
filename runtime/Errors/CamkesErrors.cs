using UxRt.Camkes.Runtime.Glue;

namespace UxRt.Camkes.Runtime.Errors;

/// <summary>
/// Registers a component's error handler for one of its interfaces: CAmkES's
/// <c>b_register_error_handler(handler)</c> is <c>CamkesErrors.RegisterErrorHandler(B, handler)</c>.
/// </summary>
public static class CamkesErrors
{
    /// <summary>
    /// Sets (or, with null, removes) the handler of the errors that <paramref name="usedInterface"/>'s
    /// glue meets. Only glue that can meet errors takes one: a client end of a connection whose
    /// spec gives it a <c>buffer</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The interface's glue raises no errors.</exception>
    public static void RegisterErrorHandler(object usedInterface, CamkesErrorHandler? handler)
    {
        ArgumentNullException.ThrowIfNull(usedInterface);
        if (usedInterface is not IBufferedClient { CallBuffer: { } buffer })
        {
            throw new ArgumentException("this interface's connection raises no errors: only a call through a buffer ('<connection>.buffer' in the spec) does", nameof(usedInterface));
        }

        buffer.ErrorHandler = handler;
    }
}
