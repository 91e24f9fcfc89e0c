namespace UxRt.Camkes.Cli;

/// <summary>What `camkes` tells its caller (a script, CI, make).</summary>
internal static class ExitCodes
{
    /// <summary>The spec is valid (warnings allowed) and the command did its work.</summary>
    public const int Success = 0;

    /// <summary>The spec has errors, or the command could not produce its output.</summary>
    public const int Failure = 1;

    /// <summary>The command line is wrong or the spec file cannot be read.</summary>
    public const int Usage = 2;
}
