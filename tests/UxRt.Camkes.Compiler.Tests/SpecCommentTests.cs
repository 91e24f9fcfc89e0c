using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace UxRt.Camkes.Compiler.Tests;

/// <summary>
/// A comment written right above a procedure, method, component or attribute in the spec is the
/// generated member's XML doc comment, as the C# compiler and an editor see it on the symbol.
/// </summary>
public sealed class SpecCommentTests
{
    private const string Spec = """
        import <std_connector.camkes>;

        /** Arithmetic for the client. */
        procedure Calc {
            // Adds two numbers.
            // Overflow wraps, as in C: a < b is not promised.
            int add(in int a, in int b);

            int unsaid(); // a trailing comment documents nothing
            void reset();
        };

        /*
         * The one that calls.
         *
         * It runs once.
         */
        component Client {
            control;
            uses Calc calc;
            /* How many times to call. */
            attribute int times = 1;
        }

        /* A section heading, a blank line away. */

        component Server { provides Calc calc; }

        assembly {
            composition {
                component Client client;
                component Server server;
                connection seL4RPCCall c(from client.calc, to server.calc);
            }
        }
        """;

    [Fact]
    public void The_comment_above_each_declaration_is_the_summary_on_its_symbol()
    {
        var (output, result) = new GeneratorHarness().WithSpec("calc.camkes", Spec).Run();
        Assert.Empty(result.Diagnostics);

        var calc = output.GetTypeByMetadataName("Demo.ICalc")!;
        Assert.Equal("Arithmetic for the client.", Summary(calc));
        Assert.Equal("Adds two numbers.\nOverflow wraps, as in C: a < b is not promised.", Summary(Method(calc, "Add")));
        Assert.Equal("unsaid", Summary(Method(calc, "Unsaid")));
        Assert.Equal("reset", Summary(Method(calc, "Reset")));

        var client = output.GetTypeByMetadataName("Demo.ClientBase")!;
        Assert.Equal("The one that calls.\n\nIt runs once.", Summary(client));
        Assert.Contains("The generated half of component Client", Remarks(client), StringComparison.Ordinal);
        Assert.Equal("How many times to call.", Summary(client.GetMembers("Times").Single()));

        // Separated by a blank line, the heading is not the server's.
        var server = output.GetTypeByMetadataName("Demo.ServerBase")!;
        Assert.StartsWith("The generated half of component Server", Summary(server), StringComparison.Ordinal);
        Assert.Equal("Adds two numbers.\nOverflow wraps, as in C: a < b is not promised.", Summary(server.GetMembers("CalcAdd").Single()));
    }

    [Fact]
    public void Comments_in_an_included_file_document_its_declarations_too()
    {
        const string header = """
            /* Arithmetic, from a header. */
            procedure Calc {
                // Adds two numbers.
                int add(in int a, in int b);
                void reset();
            };
            """;
        var start = Spec.IndexOf("/** Arithmetic", StringComparison.Ordinal);
        var end = Spec.IndexOf("};", start, StringComparison.Ordinal) + 2;
        var spec = Spec.Substring(0, start) + "#include \"calc.h\"" + Spec.Substring(end);
        var (output, result) = new GeneratorHarness().WithSpec("calc.camkes", spec).WithAdditionalFile("calc.h", header).Run();
        Assert.Empty(result.Diagnostics);

        var calc = output.GetTypeByMetadataName("Demo.ICalc")!;
        Assert.Equal("Arithmetic, from a header.", Summary(calc));
        Assert.Equal("Adds two numbers.", Summary(Method(calc, "Add")));
        Assert.Equal("reset", Summary(Method(calc, "Reset")));
    }

    private static ISymbol Method(INamedTypeSymbol type, string name) => type.GetMembers(name).Single();

    private static string Summary(ISymbol symbol) => Element(symbol, "summary");

    private static string Remarks(ISymbol symbol) => Element(symbol, "remarks");

    // The element's text as a reader sees it: tags dropped, each line trimmed.
    private static string Element(ISymbol symbol, string name)
    {
        var xml = symbol.GetDocumentationCommentXml();
        Assert.False(string.IsNullOrEmpty(xml), $"{symbol} has no doc comment");
        var element = XElement.Parse(xml!).Element(name);
        Assert.NotNull(element);
        return string.Join("\n", element!.Value.Trim().Split('\n').Select(l => l.Trim()));
    }
}
