using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Parsing.Preprocessing;

/// <summary>
/// Evaluates the expression of <c>#if</c>/<c>#elif</c>: <c>defined</c> is resolved first, then
/// macros are expanded, then names left over count as 0, as in C. Integer arithmetic only.
/// </summary>
internal sealed class ConditionEvaluator
{
    private const int MaxNesting = 256;

    private readonly IReadOnlyDictionary<string, MacroDefinition> _macros;
    private List<PpToken> _tokens = new();
    private int _position;
    private int _depth;
    private string? _error;

    public ConditionEvaluator(IReadOnlyDictionary<string, MacroDefinition> macros) => _macros = macros;

    /// <summary>Returns the value of the condition, or an error message.</summary>
    public (bool Value, string? Error) Evaluate(IReadOnlyList<PpToken> condition)
    {
        var withDefined = ResolveDefined(condition);
        if (_error is not null)
        {
            return (false, _error);
        }

        var expanded = new MacroExpander(_macros).ExpandTokens(withDefined, out var expansionError);
        if (expansionError is not null)
        {
            return (false, expansionError);
        }

        _tokens = expanded.Where(t => !t.IsWhitespace).ToList();
        if (_tokens.Count == 0)
        {
            return (false, "#if with no expression");
        }

        _position = 0;
        var value = Conditional();
        if (_error is null && _position < _tokens.Count)
        {
            _error = $"unexpected '{FrontEndLimits.Quote(_tokens[_position].Text)}' in #if expression";
        }

        return (_error is null && value != 0, _error);
    }

    private List<PpToken> ResolveDefined(IReadOnlyList<PpToken> tokens)
    {
        var result = new List<PpToken>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != PpTokenKind.Identifier || tokens[i].Text != "defined")
            {
                result.Add(tokens[i]);
                continue;
            }

            var j = Skip(tokens, i + 1);
            var parenthesised = j < tokens.Count && tokens[j].Is("(");
            if (parenthesised)
            {
                j = Skip(tokens, j + 1);
            }

            if (j >= tokens.Count || tokens[j].Kind != PpTokenKind.Identifier)
            {
                _error = "'defined' must be followed by a macro name";
                return result;
            }

            var name = tokens[j].Text;
            if (parenthesised)
            {
                j = Skip(tokens, j + 1);
                if (j >= tokens.Count || !tokens[j].Is(")"))
                {
                    _error = "missing ')' after 'defined(" + name + "'";
                    return result;
                }
            }

            result.Add(PpToken.Of(PpTokenKind.Number, _macros.ContainsKey(name) ? "1" : "0"));
            i = j;
        }

        return result;
    }

    private static int Skip(IReadOnlyList<PpToken> tokens, int i)
    {
        while (i < tokens.Count && tokens[i].IsWhitespace)
        {
            i++;
        }

        return i;
    }

    private long Conditional()
    {
        if (++_depth > MaxNesting)
        {
            _error ??= "#if expression is nested too deeply";
            _depth--;
            return 0;
        }

        var condition = Binary(0);
        if (!Accept("?"))
        {
            _depth--;
            return condition;
        }

        var whenTrue = Conditional();
        Expect(":");
        var whenFalse = Conditional();
        _depth--;
        return condition != 0 ? whenTrue : whenFalse;
    }

    private static readonly string[][] Levels =
    {
        new[] { "||" },
        new[] { "&&" },
        new[] { "|" },
        new[] { "^" },
        new[] { "&" },
        new[] { "==", "!=" },
        new[] { "<", ">", "<=", ">=" },
        new[] { "<<", ">>" },
        new[] { "+", "-" },
        new[] { "*", "/", "%" },
    };

    private long Binary(int level)
    {
        if (level == Levels.Length)
        {
            return Unary();
        }

        var left = Binary(level + 1);
        while (_error is null && _position < _tokens.Count && Levels[level].Contains(_tokens[_position].Text) && _tokens[_position].Kind == PpTokenKind.Punctuator)
        {
            var op = _tokens[_position++].Text;
            var right = Binary(level + 1);
            left = Apply(op, left, right);
        }

        return left;
    }

    private long Apply(string op, long left, long right)
    {
        if ((op == "/" || op == "%") && right == 0)
        {
            _error = "division by zero in #if expression";
            return 0;
        }

        return CIntegers.Apply(op, left, right) ?? 0;
    }

    private long Unary()
    {
        if (_error is not null)
        {
            return 0;
        }

        if (_position >= _tokens.Count)
        {
            _error = "#if expression ends too early";
            return 0;
        }

        if (++_depth > MaxNesting)
        {
            _error = "#if expression is nested too deeply";
            _depth--;
            return 0;
        }

        try
        {
            var token = _tokens[_position++];
            switch (token.Kind)
            {
                case PpTokenKind.Number:
                    return ParseNumber(token.Text);
                case PpTokenKind.Character:
                    return token.Text.Length >= 3 ? token.Text[token.Text.Length - 2] : 0;
                case PpTokenKind.Identifier:
                    // An identifier that is not a macro is 0 in #if, as in C.
                    return 0;
            }

            switch (token.Text)
            {
                case "(":
                    var inner = Conditional();
                    Expect(")");
                    return inner;
                case "!":
                    return Unary() == 0 ? 1 : 0;
                case "~":
                    return ~Unary();
                case "-":
                    return unchecked(-Unary());
                case "+":
                    return Unary();
                default:
                    _error = $"unexpected '{FrontEndLimits.Quote(token.Text)}' in #if expression";
                    return 0;
            }
        }
        finally
        {
            _depth--;
        }
    }

    private long ParseNumber(string text)
    {
        if (!CIntegers.TryParseLiteral(text, out var value))
        {
            _error = $"'{text}' is not an integer";
        }

        return value;
    }

    private bool Accept(string punctuator)
    {
        if (_error is null && _position < _tokens.Count && _tokens[_position].Is(punctuator))
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Expect(string punctuator)
    {
        if (!Accept(punctuator) && _error is null)
        {
            _error = $"expected '{punctuator}' in #if expression";
        }
    }
}
