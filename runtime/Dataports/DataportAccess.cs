namespace UxRt.Camkes.Runtime.Dataports;

/// <summary>What one end of a dataport may do with the shared memory (<c>&lt;dp&gt;_access</c>).</summary>
[Flags]
public enum DataportAccess
{
    None = 0,
    Read = 1,
    Write = 2,
    ReadWrite = Read | Write,
}

/// <summary>Reads the CAmkES spelling of access rights: <c>"R"</c>, <c>"W"</c>, <c>"RW"</c> (execute is meaningless here).</summary>
public static class DataportAccessParser
{
    public static DataportAccess Parse(string rights)
    {
        ArgumentNullException.ThrowIfNull(rights);
        var access = DataportAccess.None;
        foreach (var right in rights.ToUpperInvariant())
        {
            access |= right switch
            {
                'R' => DataportAccess.Read,
                'W' => DataportAccess.Write,
                'X' => DataportAccess.None,
                _ => throw new FormatException($"'{rights}' is not a dataport access (expected letters from R, W, X)"),
            };
        }

        return access;
    }
}
