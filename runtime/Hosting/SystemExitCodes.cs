namespace UxRt.Camkes.Runtime.Hosting;

/// <summary>The exit codes of a process that runs a system.</summary>
public static class SystemExitCodes
{
    /// <summary>The system ran and stopped cleanly.</summary>
    public const int Success = 0;

    /// <summary>A fault that no fault handler took, or a thread that did not stop.</summary>
    public const int Fault = 1;

    /// <summary>The system or node could not start: an unknown node or bad configuration.</summary>
    public const int ConfigurationError = 2;
}
