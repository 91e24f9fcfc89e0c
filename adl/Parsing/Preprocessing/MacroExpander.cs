using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Parsing.Preprocessing;

/// <summary>The outcome of expanding a line: the text, or a note that a macro call's arguments run on.</summary>
internal sealed record ExpansionResult(string Text, bool IsIncomplete, string? Error);

/// <summary>
/// Expands macros in a token sequence with C's rescanning rules: arguments are expanded before
/// substitution (except next to <c>#</c> and <c>##</c>), the result is rescanned together with the
/// rest of the line, and hide sets stop a macro from expanding inside itself. A budget on the
/// number of expansions keeps pathological input from running away.
/// </summary>
internal sealed class MacroExpander
{
    private const int ExpansionBudget = 100_000;
    private const int OutputTokenBudget = 1_000_000;

    // Arguments are expanded recursively; nesting this deep is no real spec, and must not exhaust the stack.
    private const int MaxArgumentNesting = 64;

    private readonly IReadOnlyDictionary<string, MacroDefinition> _macros;
    private int _expansions;
    private int _outputChars;
    private int _depth;
    private string? _error;

    public MacroExpander(IReadOnlyDictionary<string, MacroDefinition> macros) => _macros = macros;

    public ExpansionResult ExpandLine(string text)
    {
        var tokens = PpTokenizer.Tokenize(text);
        if (TooDeep(tokens))
        {
            return new ExpansionResult(text, IsIncomplete: false, _error);
        }

        var expanded = Expand(tokens, atTopLevel: true, out var incomplete);
        return new ExpansionResult(Render(expanded), incomplete, _error);
    }

    /// <summary>Expands a token list fully; used for #if lines and computed #include.</summary>
    public List<PpToken> ExpandTokens(IReadOnlyList<PpToken> tokens, out string? error)
    {
        var result = TooDeep(tokens) ? new List<PpToken>(tokens) : Expand(tokens, atTopLevel: false, out _);
        error = _error;
        return result;
    }

    /// <summary>
    /// Parentheses bound how deeply macro arguments can nest; refusing deep nesting before
    /// expanding keeps the work linear in the line's length.
    /// </summary>
    private bool TooDeep(IReadOnlyList<PpToken> tokens)
    {
        var depth = 0;
        foreach (var token in tokens)
        {
            depth += token.Is("(") ? 1 : token.Is(")") ? -1 : 0;
            if (depth > MaxArgumentNesting)
            {
                _error = $"parentheses nested more than {MaxArgumentNesting} deep in a line that uses macros";
                return true;
            }
        }

        return false;
    }

    public static string Render(IEnumerable<PpToken> tokens)
    {
        var text = new StringBuilder();
        foreach (var token in tokens)
        {
            text.Append(token.Text);
        }

        return text.ToString();
    }

    private List<PpToken> Expand(IReadOnlyList<PpToken> input, bool atTopLevel, out bool incomplete)
    {
        incomplete = false;
        if (_depth >= MaxArgumentNesting)
        {
            _error ??= $"macro arguments nested more than {MaxArgumentNesting} deep";
            return new List<PpToken>(input);
        }

        _depth++;
        try
        {
            return ExpandAtDepth(input, atTopLevel, out incomplete);
        }
        finally
        {
            _depth--;
        }
    }

    private List<PpToken> ExpandAtDepth(IReadOnlyList<PpToken> input, bool atTopLevel, out bool incomplete)
    {
        incomplete = false;
        var pending = new LinkedList<PpToken>(input);
        var output = new List<PpToken>();
        while (pending.First is { } node)
        {
            var token = node.Value;
            pending.RemoveFirst();
            if (_error is not null || output.Count > OutputTokenBudget || OverCharacterBudget() || !TryGetExpandable(token, out var macro))
            {
                output.Add(token);
                _outputChars += token.Text.Length;
                continue;
            }

            if (!macro.IsFunctionLike)
            {
                PushFront(pending, Substitute(macro, token.HiddenFrom.Add(macro.Name), arguments: null));
                continue;
            }

            var call = ReadArguments(pending, macro.IsVariadic ? macro.Parameters!.Count : int.MaxValue);
            if (call is null)
            {
                // A function-like macro name without '(' is just a name.
                output.Add(token);
                continue;
            }

            if (!call.Value.IsComplete)
            {
                if (atTopLevel)
                {
                    incomplete = true;
                }

                output.Add(token);
                output.AddRange(call.Value.Consumed);
                continue;
            }

            var arguments = call.Value.Arguments;
            if (!ArgumentCountFits(macro, arguments))
            {
                _error = $"macro '{macro.Name}' takes {macro.Parameters!.Count} argument(s) but is given {arguments.Count}";
                output.Add(token);
                output.AddRange(call.Value.Consumed);
                continue;
            }

            PushFront(pending, Substitute(macro, token.HiddenFrom.Add(macro.Name), arguments));
        }

        return output;
    }

    /// <summary>
    /// A token budget alone lets a macro whose body is one long token (an unterminated string of
    /// 50,000 characters) multiply into gigabytes; the characters produced are bounded as well.
    /// </summary>
    private bool OverCharacterBudget()
    {
        if (_outputChars <= FrontEndLimits.MaxExpandedChars)
        {
            return false;
        }

        _error = $"a line expands to more than {FrontEndLimits.MaxExpandedChars} characters";
        return true;
    }

    private bool TryGetExpandable(PpToken token, out MacroDefinition macro)
    {
        macro = null!;
        if (token.Kind != PpTokenKind.Identifier || token.HiddenFrom.Contains(token.Text) || !_macros.TryGetValue(token.Text, out var found))
        {
            return false;
        }

        if (++_expansions > ExpansionBudget)
        {
            _error = "macro expansion does not terminate (more than 100000 expansions on one line)";
            return false;
        }

        macro = found;
        return true;
    }

    private static bool ArgumentCountFits(MacroDefinition macro, List<List<PpToken>> arguments)
    {
        var expected = macro.Parameters!.Count;
        if (macro.IsVariadic)
        {
            return arguments.Count >= expected - 1;
        }

        // `f()` passes one empty argument, which fits a macro of no parameters.
        return arguments.Count == expected || (expected == 0 && arguments.Count == 1 && arguments[0].All(t => t.IsWhitespace));
    }

    private static void PushFront(LinkedList<PpToken> pending, List<PpToken> tokens)
    {
        for (var i = tokens.Count - 1; i >= 0; i--)
        {
            pending.AddFirst(tokens[i]);
        }
    }

    private readonly record struct MacroCall(bool IsComplete, List<List<PpToken>> Arguments, List<PpToken> Consumed);

    /// <summary>Reads <c>( a, b )</c> after a function-like macro name; null when no '(' follows.</summary>
    /// <remarks>After <paramref name="maxArguments"/> arguments, commas belong to the last one (for <c>__VA_ARGS__</c>).</remarks>
    private static MacroCall? ReadArguments(LinkedList<PpToken> pending, int maxArguments)
    {
        var node = pending.First;
        while (node is not null && node.Value.IsWhitespace)
        {
            node = node.Next;
        }

        if (node is null || !node.Value.Is("("))
        {
            return null;
        }

        var consumed = new List<PpToken>();
        while (pending.First != node)
        {
            consumed.Add(pending.First!.Value);
            pending.RemoveFirst();
        }

        consumed.Add(node.Value);
        pending.RemoveFirst();

        var arguments = new List<List<PpToken>> { new() };
        var depth = 0;
        while (pending.First is { } next)
        {
            var token = next.Value;
            pending.RemoveFirst();
            consumed.Add(token);
            if (token.Is("("))
            {
                depth++;
            }
            else if (token.Is(")"))
            {
                if (depth == 0)
                {
                    return new MacroCall(true, arguments.Select(Trim).ToList(), consumed);
                }

                depth--;
            }
            else if (token.Is(",") && depth == 0 && arguments.Count < maxArguments)
            {
                arguments.Add(new List<PpToken>());
                continue;
            }

            arguments[arguments.Count - 1].Add(token);
        }

        return new MacroCall(false, arguments, consumed);
    }

    private static List<PpToken> Trim(List<PpToken> argument)
    {
        var start = 0;
        var end = argument.Count;
        while (start < end && argument[start].IsWhitespace)
        {
            start++;
        }

        while (end > start && argument[end - 1].IsWhitespace)
        {
            end--;
        }

        return argument.GetRange(start, end - start);
    }

    private List<PpToken> Substitute(MacroDefinition macro, ImmutableHashSet<string> hideSet, List<List<PpToken>>? arguments)
    {
        var body = macro.Body;
        var result = new List<PpToken>();
        var expandedArguments = new Dictionary<int, List<PpToken>>();
        for (var i = 0; i < body.Count; i++)
        {
            var token = body[i];
            var parameter = arguments is null || token.Kind != PpTokenKind.Identifier ? -1 : macro.ParameterIndex(token.Text);

            if (arguments is not null && token.Is("#") && NextNonWhitespace(body, i + 1) is var next && next >= 0
                && body[next].Kind == PpTokenKind.Identifier && macro.ParameterIndex(body[next].Text) is var stringified && stringified >= 0)
            {
                result.Add(PpToken.Of(PpTokenKind.String, Stringify(ArgumentOf(arguments, stringified))));
                i = next;
                continue;
            }

            if (parameter < 0)
            {
                result.Add(token);
                continue;
            }

            var raw = ArgumentOf(arguments!, parameter);
            var besidePaste = IsPasteOperator(body, PreviousNonWhitespace(body, i - 1)) || IsPasteOperator(body, NextNonWhitespace(body, i + 1));
            if (besidePaste)
            {
                result.AddRange(raw);
                continue;
            }

            if (!expandedArguments.TryGetValue(parameter, out var expanded))
            {
                expanded = Expand(raw, atTopLevel: false, out _);
                expandedArguments[parameter] = expanded;
            }

            result.AddRange(expanded);
        }

        return Paste(result).Select(t => Hide(t, hideSet)).ToList();
    }

    /// <summary>Adds a hide set to a token, reusing the token when nothing changes (the common case when rescanning).</summary>
    private static PpToken Hide(PpToken token, ImmutableHashSet<string> hideSet)
    {
        if (token.HiddenFrom.IsEmpty)
        {
            return token with { HiddenFrom = hideSet };
        }

        return ReferenceEquals(token.HiddenFrom, hideSet) || hideSet.IsSubsetOf(token.HiddenFrom)
            ? token
            : token with { HiddenFrom = token.HiddenFrom.Union(hideSet) };
    }

    private static List<PpToken> ArgumentOf(List<List<PpToken>> arguments, int parameter) =>
        parameter < arguments.Count ? arguments[parameter] : new List<PpToken>();

    private static bool IsPasteOperator(IReadOnlyList<PpToken> body, int index) => index >= 0 && index < body.Count && body[index].Is("##");

    private static int NextNonWhitespace(IReadOnlyList<PpToken> tokens, int from)
    {
        for (var i = from; i < tokens.Count; i++)
        {
            if (!tokens[i].IsWhitespace)
            {
                return i;
            }
        }

        return -1;
    }

    private static int PreviousNonWhitespace(IReadOnlyList<PpToken> tokens, int from)
    {
        for (var i = from; i >= 0; i--)
        {
            if (!tokens[i].IsWhitespace)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Applies <c>##</c>: the tokens either side become one token.</summary>
    private static List<PpToken> Paste(List<PpToken> tokens)
    {
        if (!tokens.Any(t => t.Is("##")))
        {
            return tokens;
        }

        var result = new List<PpToken>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].Is("##"))
            {
                result.Add(tokens[i]);
                continue;
            }

            while (result.Count > 0 && result[result.Count - 1].IsWhitespace)
            {
                result.RemoveAt(result.Count - 1);
            }

            var right = NextNonWhitespace(tokens, i + 1);
            var leftText = result.Count > 0 ? result[result.Count - 1].Text : string.Empty;
            if (result.Count > 0)
            {
                result.RemoveAt(result.Count - 1);
            }

            var rightText = right >= 0 ? tokens[right].Text : string.Empty;
            var pasted = leftText + rightText;
            if (pasted.Length > 0)
            {
                var kind = PpTokenizer.IsIdentifier(pasted) ? PpTokenKind.Identifier
                    : pasted.Length > 0 && char.IsDigit(pasted[0]) ? PpTokenKind.Number
                    : PpTokenKind.Punctuator;
                result.Add(PpToken.Of(kind, pasted));
            }

            i = right >= 0 ? right : tokens.Count;
        }

        return result;
    }

    private static string Stringify(IEnumerable<PpToken> argument)
    {
        var text = new StringBuilder("\"");
        var pendingSpace = false;
        foreach (var token in argument)
        {
            if (token.IsWhitespace)
            {
                pendingSpace = text.Length > 1;
                continue;
            }

            if (pendingSpace)
            {
                text.Append(' ');
                pendingSpace = false;
            }

            var escape = token.Kind is PpTokenKind.String or PpTokenKind.Character;
            foreach (var c in token.Text)
            {
                if (escape && (c == '"' || c == '\\'))
                {
                    text.Append('\\');
                }

                text.Append(c);
            }
        }

        return text.Append('"').ToString();
    }
}
