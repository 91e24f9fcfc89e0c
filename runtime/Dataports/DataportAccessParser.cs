namespace UxRt.Camkes.Runtime.Dataports;

/// <summary>Reads the CAmkES spelling of access rights: <c>"R"</c>, <c>"W"</c>, <c>"RW"</c> (X and P have no meaning in one process).</summary>
internal static class DataportAccessParser
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
                'X' or 'P' => DataportAccess.None,
                _ => throw new FormatException($"'{rights}' is not a dataport access (expected letters from R, W, X, P)"),
            };
        }

        return access;
    }
}
