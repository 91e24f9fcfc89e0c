using System.Linq;

namespace UxRt.Camkes.Adl.Parsing;

/// <summary>The ADL's keywords, and the one a misspelt word is nearest to (for "did you mean").</summary>
internal static class Keywords
{
    public static readonly string[] All =
    {
        "import", "include", "procedure", "component", "connector", "assembly", "composition", "configuration",
        "connection", "group", "export", "control", "hardware", "provides", "uses", "emits", "consumes", "dataport",
        "maybe", "has", "mutex", "semaphore", "binary_semaphore", "attribute", "struct", "void", "in", "out", "inout",
        "refin", "from", "to", "with", "threads", "thread", "template", "schedule", "Procedure", "Procedures",
        "Event", "Events", "Dataport", "Dataports",
    };

    // C type names are one letter from `in` and the like, and are no typos.
    private static readonly string[] TypeNames =
    {
        "int", "char", "short", "long", "float", "double", "bool", "string", "signed", "unsigned", "integer", "const",
    };

    private static readonly int LongestKeyword = All.Max(k => k.Length);

    /// <summary>
    /// The keyword <paramref name="word"/> is a likely misspelling of: at most one edit away for
    /// short words and two for longer ones (CAmkES names are never this close to a keyword by accident).
    /// Keywords whose length differs by more than that are never compared: each edit changes the
    /// length by one at most, and a huge token then costs nothing.
    /// </summary>
    public static string? Nearest(string word)
    {
        var limit = word.Length <= 4 ? 1 : 2;
        if (word.Length > LongestKeyword + limit
            || All.Contains(word, System.StringComparer.Ordinal)
            || TypeNames.Contains(word, System.StringComparer.Ordinal))
        {
            return null;
        }

        var best = All
            .Where(k => System.Math.Abs(k.Length - word.Length) <= limit)
            .Select(k => (Keyword: k, Distance: Distance(word, k)))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance)
            .FirstOrDefault();
        return best.Keyword;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = System.Math.Min(System.Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = System.Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
