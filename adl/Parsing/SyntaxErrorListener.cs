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
/// ("unexpected 'x'; expected ';'") instead of ANTLR's token-set dumps. After an error the
/// parser's recovery is left unreported up to the next top-level definition, so one mistake is
/// one error at the mistake: a misspelt keyword is named with the keyword it is nearest to, and
/// a definition keyword met inside an unclosed '{' is reported as the missing '}'.
/// </summary>
internal sealed class SyntaxErrorListener : IAntlrErrorListener<int>, IAntlrErrorListener<IToken>
{
    private const int MaxExpectedShown = 6;

    // After this many errors in one file the parse stops (ADL0001 says so).
    private const int MaxReportedErrors = 100;

    // How far from the error a misspelt keyword is looked for, each way.
    private const int MaxSegmentTokens = 32;

    private static readonly HashSet<int> ContextualKeywords = new()
    {
        CamkesLexer.PROCEDURE, CamkesLexer.EVENT, CamkesLexer.DATAPORT_KIND, CamkesLexer.PROCEDURES, CamkesLexer.EVENTS,
        CamkesLexer.DATAPORTS, CamkesLexer.THREAD, CamkesLexer.THREADS, CamkesLexer.WITH, CamkesLexer.GROUP,
        CamkesLexer.EXPORT, CamkesLexer.TEMPLATE, CamkesLexer.SCHEDULE,
    };

    // Tokens that start a definition when they stand at the top level.
    private static readonly HashSet<int> DefinitionStarts = new()
    {
        CamkesLexer.IMPORT, CamkesLexer.INCLUDE, CamkesLexer.PROCEDURE_KW, CamkesLexer.STRUCT, CamkesLexer.COMPONENT,
        CamkesLexer.CONNECTOR, CamkesLexer.ASSEMBLY, CamkesLexer.COMPOSITION, CamkesLexer.CONFIGURATION,
    };

    private readonly LineMap _lineMap;
    private readonly DiagnosticBag _diagnostics;
    private IList<IToken> _tokens = new List<IToken>();
    private List<int> _definitionStarts = new();
    private int[] _openBraceBefore = System.Array.Empty<int>();
    private int _quietUntil = -1;
    private int _reported;

    public SyntaxErrorListener(LineMap lineMap, DiagnosticBag diagnostics)
    {
        _lineMap = lineMap;
        _diagnostics = diagnostics;
    }

    // Lexer errors: the UNEXPECTED token catches stray characters, so this only sees unterminated input.
    public void SyntaxError(TextWriter output, IRecognizer recognizer, int offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e) =>
        _diagnostics.Report(DiagnosticDescriptors.SyntaxError, _lineMap.Map(line, charPositionInLine + 1, 0, 1), FrontEndLimits.Quote(msg));

    /// <summary>
    /// The file's tokens, to find where the next definition starts and which '{' is open. Both are
    /// worked out once here, so that each error costs the same however long the file is.
    /// </summary>
    public void UseTokens(IList<IToken> tokens)
    {
        _tokens = tokens;
        _definitionStarts = new List<int>();
        _openBraceBefore = new int[tokens.Count + 1];
        var open = new Stack<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            _openBraceBefore[i] = open.Count > 0 ? open.Peek() : -1;
            if (DefinitionStarts.Contains(token.Type) && (open.Count == 0 || token.Column == 0))
            {
                _definitionStarts.Add(i);
            }

            if (token.Type == CamkesLexer.LBRACE)
            {
                open.Push(i);
            }
            else if (token.Type == CamkesLexer.RBRACE && open.Count > 0)
            {
                open.Pop();
            }
        }

        _openBraceBefore[tokens.Count] = open.Count > 0 ? open.Peek() : -1;
    }

    public void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
    {
        var index = offendingSymbol?.TokenIndex ?? -1;
        if (index >= 0 && index < _quietUntil)
        {
            return; // The parser is still recovering from the error already reported.
        }

        _quietUntil = NextDefinition(index + 1);
        if (++_reported > MaxReportedErrors)
        {
            // Each error costs the parser a recovery; a file of nothing but errors must not cost more.
            _diagnostics.Report(
                DiagnosticDescriptors.SyntaxError,
                _lineMap.Map(line, charPositionInLine + 1, offendingSymbol?.StartIndex ?? 0, TokenLength(offendingSymbol)),
                $"more than {MaxReportedErrors} syntax errors; the rest of the file is not checked");
            throw new ParseCanceledException();
        }

        if (MisspeltKeywordNear(offendingSymbol) is var (word, keyword))
        {
            _diagnostics.Report(
                DiagnosticDescriptors.SyntaxError,
                _lineMap.Map(word.Line, word.Column + 1, word.StartIndex, TokenLength(word)),
                $"unknown keyword '{FrontEndLimits.Quote(word.Text)}'; did you mean '{keyword}'?");
            return;
        }

        if (offendingSymbol is not null && UnclosedBraceBefore(offendingSymbol) is { } brace)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.SyntaxError,
                _lineMap.Map(line, charPositionInLine + 1, offendingSymbol.StartIndex, TokenLength(offendingSymbol)),
                $"missing '}}' before '{FrontEndLimits.Quote(offendingSymbol.Text)}': the '{{' on line {_lineMap.Map(brace.Line, brace.Column + 1, brace.StartIndex, 1).Line} is not closed");
            return;
        }

        var parser = recognizer as Parser;
        if (MissingSemicolonAfter(parser, offendingSymbol, e) is { } previous)
        {
            // Users look for a missing ';' where it belongs, right after the previous token,
            // not at whatever starts the next line.
            var end = previous.Column + 1 + System.Math.Max(1, previous.StopIndex - previous.StartIndex + 1);
            _diagnostics.Report(
                DiagnosticDescriptors.SyntaxError,
                _lineMap.Map(previous.Line, end, previous.StopIndex + 1, 0),
                $"expected ';' after '{FrontEndLimits.Quote(previous.Text)}'");
            return;
        }

        var location = _lineMap.Map(line, charPositionInLine + 1, offendingSymbol?.StartIndex ?? 0, TokenLength(offendingSymbol));
        _diagnostics.Report(DiagnosticDescriptors.SyntaxError, location, Describe(parser, offendingSymbol, e, msg));
    }

    /// <summary>
    /// The index of the first token at or after <paramref name="from"/> that starts a definition:
    /// a definition keyword at brace depth 0, or one at the start of a line (where a forgotten '}'
    /// leaves the depth wrong).
    /// </summary>
    private int NextDefinition(int from)
    {
        var found = _definitionStarts.BinarySearch(from);
        var at = found >= 0 ? found : ~found;
        return at < _definitionStarts.Count ? _definitionStarts[at] : int.MaxValue;
    }

    // Tokens that end a statement or a parameter: a misspelt keyword lies between two of them.
    private static readonly HashSet<int> SegmentEnds = new()
    {
        CamkesLexer.SEMI, CamkesLexer.LBRACE, CamkesLexer.RBRACE, CamkesLexer.LPAREN, CamkesLexer.RPAREN, CamkesLexer.COMMA,
    };

    /// <summary>
    /// A word near a keyword in the statement (or parameter) where the parser gave up. ANTLR
    /// often notices a misspelling a token or two later (`inn struct S s` fails at `struct`), so
    /// the whole segment is searched; when the parser stopped at a segment's end, the one before too.
    /// </summary>
    private (IToken Word, string Keyword)? MisspeltKeywordNear(IToken? offending)
    {
        if (offending is null || offending.TokenIndex < 0 || offending.TokenIndex >= _tokens.Count)
        {
            return null;
        }

        var start = offending.TokenIndex;
        if (SegmentEnds.Contains(offending.Type) && start > 0)
        {
            start--;
        }

        // A statement is a few tokens; the window keeps a file without ';' or braces from making
        // every error scan the whole file (quadratic in the number of errors).
        var first = System.Math.Max(0, start - MaxSegmentTokens);
        while (start > first && !SegmentEnds.Contains(_tokens[start - 1].Type))
        {
            start--;
        }

        var last = System.Math.Min(_tokens.Count - 1, offending.TokenIndex + MaxSegmentTokens);
        for (var i = start; i <= last && (i <= offending.TokenIndex || !SegmentEnds.Contains(_tokens[i].Type)); i++)
        {
            if (_tokens[i].Type == CamkesLexer.IDENTIFIER && Keywords.Nearest(_tokens[i].Text) is { } keyword)
            {
                return (_tokens[i], keyword);
            }
        }

        return null;
    }

    /// <summary>For a definition keyword at the start of a line inside braces: the '{' left open.</summary>
    private IToken? UnclosedBraceBefore(IToken token)
    {
        if (!DefinitionStarts.Contains(token.Type) || token.Column != 0)
        {
            return null;
        }

        var brace = token.TokenIndex >= 0 && token.TokenIndex < _openBraceBefore.Length ? _openBraceBefore[token.TokenIndex] : -1;
        return brace >= 0 ? _tokens[brace] : null;
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
                && previous.Type != TokenConstants.EOF && previous.Type != CamkesLexer.SEMI && previous.Line < offending.Line
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
            return FrontEndLimits.Quote(fallback);
        }

        var found = offending.Type == TokenConstants.EOF ? "end of file" : $"'{FrontEndLimits.Quote(offending.Text)}'";
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
