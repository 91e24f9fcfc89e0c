using System.Collections.Generic;
using System.IO;
using System.Linq;
using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Parsing.Generated;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Parsing;

/// <summary>
/// Turns ANTLR's lexer and parser errors into ADL0001 diagnostics with short messages
/// ("unexpected 'x'; expected ';'") instead of ANTLR's token-set dumps.
/// </summary>
internal sealed class SyntaxErrorListener : IAntlrErrorListener<int>, IAntlrErrorListener<IToken>
{
    private const int MaxExpectedShown = 6;

    private static readonly HashSet<int> ContextualKeywords = new()
    {
        CamkesLexer.PROCEDURE, CamkesLexer.EVENT, CamkesLexer.DATAPORT_KIND, CamkesLexer.PROCEDURES, CamkesLexer.EVENTS,
        CamkesLexer.DATAPORTS, CamkesLexer.THREAD, CamkesLexer.THREADS, CamkesLexer.WITH, CamkesLexer.GROUP,
        CamkesLexer.EXPORT, CamkesLexer.TEMPLATE,
    };

    private readonly LineMap _lineMap;
    private readonly DiagnosticBag _diagnostics;

    public SyntaxErrorListener(LineMap lineMap, DiagnosticBag diagnostics)
    {
        _lineMap = lineMap;
        _diagnostics = diagnostics;
    }

    // Lexer errors: the UNEXPECTED token catches stray characters, so this only sees unterminated input.
    public void SyntaxError(TextWriter output, IRecognizer recognizer, int offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e) =>
        _diagnostics.Report(DiagnosticDescriptors.SyntaxError, _lineMap.Map(line, charPositionInLine + 1, 0, 1), msg);

    public void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
    {
        var parser = recognizer as Parser;
        if (MissingSemicolonAfter(parser, offendingSymbol, e) is { } previous)
        {
            // Users look for a missing ';' where it belongs, right after the previous token,
            // not at whatever starts the next line.
            var end = previous.Column + 1 + System.Math.Max(1, previous.StopIndex - previous.StartIndex + 1);
            _diagnostics.Report(
                DiagnosticDescriptors.SyntaxError,
                _lineMap.Map(previous.Line, end, previous.StopIndex + 1, 0),
                $"expected ';' after '{previous.Text}'");
            return;
        }

        var location = _lineMap.Map(line, charPositionInLine + 1, offendingSymbol?.StartIndex ?? 0, TokenLength(offendingSymbol));
        _diagnostics.Report(DiagnosticDescriptors.SyntaxError, location, Describe(parser, offendingSymbol, e, msg));
    }

    /// <summary>The token a ';' should follow, when ';' is expected and the offending token starts a later line.</summary>
    private static IToken? MissingSemicolonAfter(Parser? parser, IToken? offending, RecognitionException? exception)
    {
        if (parser is null || offending is null)
        {
            return null;
        }

        try
        {
            var expected = exception?.GetExpectedTokens() ?? parser.GetExpectedTokens();
            var previous = (parser.InputStream as ITokenStream)?.LT(-1);
            return expected is not null && expected.Contains(CamkesLexer.SEMI) && previous is not null
                && previous.Type != TokenConstants.EOF && previous.Line < offending.Line
                ? previous
                : null;
        }
        catch (System.Exception)
        {
            // Expected-token computation can fail in odd recovery states; the generic report still applies.
            return null;
        }
    }

    private static int TokenLength(IToken? token) =>
        token is null || token.Type == TokenConstants.EOF ? 0 : System.Math.Max(1, token.StopIndex - token.StartIndex + 1);

    private static string Describe(Parser? parser, IToken? offending, RecognitionException? exception, string fallback)
    {
        if (parser is null || offending is null)
        {
            return fallback;
        }

        var found = offending.Type == TokenConstants.EOF ? "end of file" : $"'{offending.Text}'";
        IntervalSet? expected = null;
        try
        {
            expected = exception?.GetExpectedTokens() ?? parser.GetExpectedTokens();
        }
        catch (System.Exception)
        {
            // Expected-token computation can fail in odd recovery states; the message is still useful without it.
        }

        if (expected is null || expected.Count == 0)
        {
            return $"unexpected {found}";
        }

        // Keywords that may also serve as names add nothing once "a name" is listed.
        var types = expected.ToList();
        if (types.Contains(CamkesLexer.IDENTIFIER))
        {
            types = types.Where(t => !ContextualKeywords.Contains(t)).ToList();
        }

        var names = types
            .Select(type => DisplayName(parser.Vocabulary, type))
            .Distinct()
            .ToList();
        var shown = string.Join(", ", names.Take(MaxExpectedShown));
        var more = names.Count > MaxExpectedShown ? ", ..." : string.Empty;
        return names.Count == 1
            ? $"unexpected {found}; expected {shown}"
            : $"unexpected {found}; expected one of {shown}{more}";
    }

    private static string DisplayName(IVocabulary vocabulary, int type)
    {
        if (type == TokenConstants.EOF)
        {
            return "end of file";
        }

        if (type == CamkesLexer.IDENTIFIER)
        {
            return "a name";
        }

        if (type == CamkesLexer.STRING)
        {
            return "a string";
        }

        if (type == CamkesLexer.INTEGER)
        {
            return "a number";
        }

        return vocabulary.GetLiteralName(type) ?? vocabulary.GetDisplayName(type);
    }
}
