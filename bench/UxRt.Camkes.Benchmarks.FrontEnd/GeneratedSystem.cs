using System.Globalization;
using System.Text;

namespace UxRt.Camkes.Benchmarks.FrontEnd;

/// <summary>
/// Writes a system of N component instances in the shape real specs have: a few procedures and
/// component types, instances in groups, a chain of RPC connections, events fanning into a
/// collector, shared memory pairs, and a configuration with expressions and references.
/// </summary>
internal static class GeneratedSystem
{
    public static string Write(int components)
    {
        var text = new StringBuilder();
        text.AppendLine("import <std_connector.camkes>;");
        text.AppendLine("#define BASE_PRIORITY 100");
        text.AppendLine("procedure Work { int run(in int job, out string result); void cancel(in int job); };");
        text.AppendLine("component Stage { provides Work input; maybe uses Work output; emits Tick done; dataport Buf(0x1000) scratch; attribute int depth = 1; attribute string label; }");
        text.AppendLine("component Collector { control; consumes Tick ticks; maybe uses Work first; }");
        text.AppendLine("assembly {");
        text.AppendLine("  composition {");
        text.AppendLine("    component Collector collector;");
        for (var i = 0; i < components; i++)
        {
            var line = Invariant($"    component Stage s{i};");
            text.AppendLine(i % 10 == 0 ? Invariant($"    group g{i} {{ {line.Trim()} }}") : line);
        }

        text.AppendLine("    connection seL4RPCCall start(from collector.first, to s0.input);");
        for (var i = 0; i + 1 < components; i++)
        {
            text.AppendLine(Invariant($"    connection seL4RPCCall call{i}(from s{i}.output, to s{i + 1}.input);"));
        }

        // One connection with an end per stage: seL4NotificationNative takes many emitters and one consumer.
        text.Append("    connection seL4NotificationNative ticks(");
        for (var i = 0; i < components; i++)
        {
            text.Append(Invariant($"from s{i}.done, "));
        }

        text.AppendLine("to collector.ticks);");

        for (var i = 0; i + 1 < components; i += 2)
        {
            text.AppendLine(Invariant($"    connection seL4SharedData mem{i}(from s{i}.scratch, to s{i + 1}.scratch);"));
        }

        if (components % 2 == 1)
        {
            text.AppendLine(Invariant($"    connection seL4SharedData mem_last(from s{components - 1}.scratch, to s0.scratch);"));
        }

        text.AppendLine("  }");
        text.AppendLine("  configuration {");
        for (var i = 0; i < components; i++)
        {
            text.AppendLine(Invariant($"    s{i}.depth = ({i} << 2) + 0x10 * 3;"));
            text.AppendLine(Invariant($"    s{i}.label = \"stage \" \"{i}\";"));
            text.AppendLine(i == 0 ? "    s0._priority = BASE_PRIORITY;" : Invariant($"    s{i}._priority <- s{i - 1}._priority;"));
        }

        text.AppendLine("  }");
        text.AppendLine("}");
        return text.ToString();
    }

    /// <summary>
    /// The spec with one line changed as a user tuning it would: the last stage's priority, which
    /// it took from the stage before (<c>&lt;-</c>), is set to a number instead. The system's glue changes.
    /// </summary>
    public static string EditOneLine(string spec)
    {
        var at = spec.LastIndexOf("._priority <- ", StringComparison.Ordinal);
        var end = at < 0 ? -1 : spec.IndexOf(';', at);
        if (end < 0)
        {
            throw new InvalidOperationException("the spec has no line to edit");
        }

        return string.Concat(spec.AsSpan(0, at), "._priority = 150", spec.AsSpan(end));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
