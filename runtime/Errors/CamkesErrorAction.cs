namespace UxRt.Camkes.Runtime.Errors;

/// <summary>What an error handler wants done with the call that met the error (CAmkES's <c>camkes_error_action_t</c>).</summary>
public enum CamkesErrorAction
{
    /// <summary>Abandon the call: it returns default values without reaching the server (<c>CEA_DISCARD</c>).</summary>
    Discard,

    /// <summary>Fail the calling thread with a <see cref="CamkesErrorException"/>, as when no handler is registered (<c>CEA_HALT</c>).</summary>
    Halt,
}

/// <summary>A component's handler for the errors of one interface (what CAmkES's <c>&lt;iface&gt;_register_error_handler</c> takes).</summary>
public delegate CamkesErrorAction CamkesErrorHandler(CamkesError error);
