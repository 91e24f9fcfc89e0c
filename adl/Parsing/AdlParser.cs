using System.Collections.Generic;
using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;
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

    /// <param name="comments">The comments the preprocessor took out of <paramref name="text"/>, which declarations take as documentation.</param>
    public static (SpecificationSyntax Syntax, IReadOnlyList<AdlDiagnostic> Diagnostics) Parse(string filePath, string text, LineMap lineMap, SpecComments? comments = null)
    {
        var diagnostics = new DiagnosticBag();
        var errorListener = new SyntaxErrorListener(lineMap, diagnostics);

        var lexer = new CamkesLexer(new AntlrInputStream(text));
        lexer.RemoveErrorListeners();
        lexer.AddErrorListener(errorListener);
        var tokens = new CommonTokenStream(lexer);
        tokens.Fill();

        // ANTLR parses nested constructs recursively; refusing absurd nesting up front keeps a
        // hostile file from overflowing the stack, which no catch block could recover from.
        if (NestingGuard.FindExcessiveNesting(tokens.GetTokens()) is { } tooDeep)
        {
            diagnostics.Report(
                DiagnosticDescriptors.SyntaxError,
                lineMap.Map(tooDeep.Line, tooDeep.Column + 1, tooDeep.StartIndex, 1),
                $"nesting deeper than {NestingGuard.MaxDepth} levels; the file is not parsed further");
            return (new SpecificationSyntax(filePath, EquatableArray<Syntax.DefinitionSyntax>.Empty), diagnostics.Items);
        }

        errorListener.UseTokens(tokens.GetTokens());
        var tree = ParseFast(tokens) ?? ParseWithRecovery(tokens, errorListener);
        if (tree is null)
        {
            return (new SpecificationSyntax(filePath, EquatableArray<Syntax.DefinitionSyntax>.Empty), diagnostics.Items);
        }

        var syntax = new SyntaxTreeBuilder(filePath, lineMap, comments ?? new SpecComments(), diagnostics).Build(tree);
        return (syntax, diagnostics.Items);
    }

    /// <summary>
    /// ANTLR's quick SLL mode parses every valid spec this grammar accepts; it gives up (rather
    /// than reporting) at the first problem, and then the full LL parse with error recovery runs.
    /// </summary>
    private static CamkesParser.SpecificationContext? ParseFast(CommonTokenStream tokens)
    {
        var parser = new CamkesParser(tokens) { ErrorHandler = new BailErrorStrategy() };
        parser.RemoveErrorListeners();
        parser.Interpreter.PredictionMode = PredictionMode.SLL;
        try
        {
            return parser.specification();
        }
        catch (ParseCanceledException)
        {
            tokens.Seek(0);
            return null;
        }
    }

    /// <summary>The parse with error recovery; null when the listener stopped it (too many errors to be worth more).</summary>
    private static CamkesParser.SpecificationContext? ParseWithRecovery(CommonTokenStream tokens, SyntaxErrorListener errorListener)
    {
        var parser = new CamkesParser(tokens) { ErrorHandler = new InsertionFirstErrorStrategy() };
        parser.RemoveErrorListeners();
        parser.AddErrorListener(errorListener);
        try
        {
            return parser.specification();
        }
        catch (ParseCanceledException)
        {
            return null;
        }
    }
}
