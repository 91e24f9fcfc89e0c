namespace UxRt.Camkes.Adl.Tests.Fuzzing;

/// <summary>
/// Deterministic mutations of a spec's text (one <see cref="Random"/> seeded by the caller): small
/// edits that find parser and resolver corner cases, and the large, hostile ones of issue 20
/// (self-inclusion, huge tokens, deep nesting, devices, repeated spans) that find unbounded work.
/// </summary>
internal static class SpecMutator
{
    private static readonly string[] Tokens =
    {
        "import", "include", "procedure", "component", "connector", "assembly", "composition", "configuration",
        "connection", "group", "export", "control", "hardware", "provides", "uses", "emits", "consumes", "dataport",
        "maybe", "has", "mutex", "semaphore", "attribute", "struct", "void", "in", "out", "inout", "refin", "from", "to",
        "with", "threads", "Procedure", "Events", "Dataports", "Buf", "int", "string", "seL4RPCCall", "seL4Notification",
        "{", "}", "(", ")", "[", "]", ";", ",", ".", "=", "<-", "->", "?", ":", "+", "-", "*", "/", "%", "<<", ">>",
        "&&", "||", "!", "~", "0", "1", "0xFF", "-2147483649", "99999999999999999999", "\"s\"", "true", "\"", "'",
        "\n#define X(a) a a\n", "\n#if X\n", "\n#else\n", "\n#endif\n", "\n#include <config.h>\n", "\n#undef X\n",
        "/*", "*/", "//", "\\\n", "##", "#", "\0", "\u00e9", "\ud800", "\r",
    };

    /// <summary>A mutation of <paramref name="text"/>, which lives at <paramref name="fileName"/> (so it can include itself).</summary>
    public static string Mutate(Random random, string text, string fileName, IReadOnlyList<string> others)
    {
        var rounds = 1 + random.Next(4);
        for (var i = 0; i < rounds; i++)
        {
            text = MutateOnce(random, text, fileName, others);
        }

        return text;
    }

    private static string MutateOnce(Random random, string text, string fileName, IReadOnlyList<string> others)
    {
        var start = random.Next(text.Length + 1);
        var length = Math.Min(random.Next(1, 64), text.Length - start);
        var choice = random.Next(100);
        return choice switch
        {
            < 25 => text.Remove(start, length),
            < 55 => text.Insert(start, " " + Tokens[random.Next(Tokens.Length)] + " "),
            < 65 => text.Insert(start, text.Substring(start, length)),
            < 72 => Splice(random, text, start, others),
            < 78 => text.Remove(start, length).Insert(start, new string(text.Substring(start, length).Reverse().ToArray())),
            < 83 => FlipCharacter(random, text),
            _ => text.Insert(start, Hostile(random, text, start, length, fileName)),
        };
    }

    // Issue 20's attacks, each scaled so that one costs well under a second once the front end is bounded.
    private static string Hostile(Random random, string text, int start, int length, string fileName) => random.Next(10) switch
    {
        0 => $"\n#include \"{fileName}\"\n#include \"{fileName}\"\n",
        1 => "\n#include\n",
        2 => "\nimport \"/dev/zero\";\n",
        3 => new string('(', 10_000) + new string(')', random.Next(2) * 10_000),
        4 => new string('x', 100_000),
        5 => string.Concat(Enumerable.Repeat(text.Substring(start, length), 1000)),
        6 => $"\nimport \"{fileName}\";\n",
        7 => "\n#define R(x) x x x x x x x x x x\n" + string.Concat(Enumerable.Repeat("R(", 5)) + "y" + new string(')', 5) + "\n",
        8 => "\"" + new string('s', 50_000),
        _ => string.Concat(Enumerable.Repeat("- ", 5_000)),
    };

    private static string Splice(Random random, string text, int start, IReadOnlyList<string> others)
    {
        var other = others[random.Next(others.Count)];
        var from = random.Next(other.Length + 1);
        return text.Insert(start, other.Substring(from, Math.Min(random.Next(1, 400), other.Length - from)));
    }

    private static string FlipCharacter(Random random, string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        chars[random.Next(chars.Length)] = (char)random.Next(0, 128);
        return new string(chars);
    }
}
