using System.Collections.Generic;
using Antlr4.Runtime;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Parsing.Generated;
using UxRt.Camkes.Adl.Syntax;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Parsing;

/// <summary>
/// Stage "Parse": text of one (already preprocessed) file to its syntax tree, with every syntax
/// error reported as ADL0001. Never throws for bad input.
/// </summary>
public static class AdlParser
{
    public static (SpecificationSyntax Syntax, IReadOnlyList<AdlDiagnostic> Diagnostics) Parse(string filePath, string text) =>
        Parse(filePath, text, LineMap.Identity(filePath));

    public static (SpecificationSyntax Syntax, IReadOnlyList<AdlDiagnostic> Diagnostics) Parse(string filePath, string text, LineMap lineMap)
    {
        var diagnostics = new DiagnosticBag();
        var errorListener = new SyntaxErrorListener(lineMap, diagnostics);

        var lexer = new CamkesLexer(new AntlrInputStream(text));
        lexer.RemoveErrorListeners();
        lexer.AddErrorListener(errorListener);

        var parser = new CamkesParser(new CommonTokenStream(lexer));
        parser.RemoveErrorListeners();
        parser.AddErrorListener(errorListener);

        var tree = parser.specification();
        var syntax = new SyntaxTreeBuilder(filePath, lineMap, diagnostics).Build(tree);
        return (syntax, diagnostics.Items);
    }
}
