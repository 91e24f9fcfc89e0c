namespace GlobalAsync;

/// <summary>What sender and client agree on beforehand, as CAmkES's two C files do.</summary>
internal static class Exchange
{
    /// <summary>How many strings the sender sends (CAmkES's sender.c loops ten times).</summary>
    public const int Messages = 10;
}
