using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace UxRt.Camkes.Compiler.Tests;

/// <summary>
/// <c>#line</c> only where a user navigates (procedure methods, their handlers, ports, attributes)
/// or where a C# error about a type the user declares would otherwise land in generated code, each
/// directive over exactly the one declaration it names, at the spec line that declares it.
/// Read off the golden files, which GoldenFileTests keeps equal to the generated code.
/// </summary>
public sealed partial class LineDirectiveTests
{
    [Theory]
    [InlineData("HelloRpc")]
    [InlineData("RumpNet")]
    [InlineData("Pipeline")]
    public void Each_line_directive_maps_one_public_declaration_to_the_spec_line_that_declares_it(string example)
    {
        var directives = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(TestsDirectory(), "Golden", example)))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (LineDirective().Match(lines[i]) is not { Success: true } directive)
                {
                    continue;
                }

                directives++;
                var where = $"{Path.GetFileName(file)}:{i + 1}";
                Assert.True(i + 2 < lines.Length && lines[i + 2].Trim() == "#line default", $"{where}: the directive covers more than one line");
                var declaration = lines[i + 1];
                var name = MemberName().Match(declaration).Groups["name"].Value;
                var spec = File.ReadAllLines(Path.Combine(TestsDirectory(), "..", "..", "examples", example, Path.GetFileName(directive.Groups["file"].Value)));
                var specLine = spec[int.Parse(directive.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) - 1];
                if (Regex.IsMatch(declaration, @"^\s*(private|internal)\b"))
                {
                    // What only glue uses is mapped only to carry an error about the user's type (`dataport T x;`) to the spec.
                    var type = Regex.Matches(specLine, @"\w+").Skip(1).First().Value;
                    Assert.True(type != "Buf" && Regex.IsMatch(declaration, $@"\b{type}\b"), $"{where}: '{declaration.Trim()}' is mapped but names no type of the user's");
                    continue;
                }

                Assert.True(
                    Regex.Matches(specLine, @"\w+").Any(w => name.Replace("_", string.Empty, StringComparison.Ordinal).Replace("Async", string.Empty, StringComparison.Ordinal).EndsWith(w.Value.Replace("_", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)),
                    $"{where}: '{name}' is mapped to '{specLine.Trim()}'");
            }
        }

        Assert.True(directives > 0);
    }

    [GeneratedRegex("^#line (?<line>\\d+) \"(?<file>[^\"]+)\"$")]
    private static partial Regex LineDirective();

    // The member a declaration line declares: the identifier before its parameter list or body.
    [GeneratedRegex("(?<name>@?\\w+)\\s*(\\(|=>|\\{)")]
    private static partial Regex MemberName();

    private static string TestsDirectory([CallerFilePath] string here = "") => Path.GetDirectoryName(here)!;
}
