using System.Collections.Generic;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;

namespace UxRt.Camkes.Adl.Resolution;

/// <summary>
/// Evaluates configuration values: C integer expressions with C's operators (booleans are 0/1 in
/// arithmetic), floats, strings, lists and dictionaries. Errors are reported, never thrown.
/// </summary>
public sealed class ExpressionEvaluator
{
    private readonly DiagnosticBag _diagnostics;

    public ExpressionEvaluator(DiagnosticBag diagnostics) => _diagnostics = diagnostics;

    public ConfigValue? Evaluate(ValueSyntax value)
    {
        switch (value)
        {
            case StringValueSyntax s:
                return new StringValue(s.Value);
            case ListValueSyntax list:
                var items = new List<ConfigValue>();
                foreach (var item in list.Items)
                {
                    if (Evaluate(item) is { } evaluated)
                    {
                        items.Add(evaluated);
                    }
                }

                return new ListValue(items.ToEquatableArray());
            case DictValueSyntax dict:
                var entries = new List<DictEntry>();
                foreach (var entry in dict.Entries)
                {
                    if (Evaluate(entry.Value) is { } evaluated)
                    {
                        entries.Add(new DictEntry(entry.Key, evaluated));
                    }
                }

                return new DictValue(entries.ToEquatableArray());
            case ExpressionValueSyntax expression:
                return Evaluate(expression.Expression);
            case QueryValueSyntax query:
                _diagnostics.Report(
                    DiagnosticDescriptors.UnsupportedConstruct,
                    query.Location,
                    $"the query '{query.Name}(...)' needs a CAmkES plugin to answer it; write the value it would give instead");
                return null;
            default:
                return null;
        }
    }

    public ConfigValue? Evaluate(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case IntegerLiteralSyntax integer:
                return new IntegerValue(integer.Value);
            case FloatLiteralSyntax number:
                return new FloatValue(number.Value);
            case BooleanLiteralSyntax boolean:
                return new BooleanValue(boolean.Value);
            case NameReferenceSyntax name:
                // CAmkES passes bare names through as strings (for example enum-like settings).
                return new StringValue(name.Name);
            case UnaryExpressionSyntax unary:
                return EvaluateUnary(unary);
            case BinaryExpressionSyntax binary:
                return EvaluateBinary(binary);
            case ConditionalExpressionSyntax conditional:
                var condition = ToInteger(conditional.Condition);
                return condition is null ? null : Evaluate(condition.Value != 0 ? conditional.WhenTrue : conditional.WhenFalse);
            default:
                return null;
        }
    }

    private ConfigValue? EvaluateUnary(UnaryExpressionSyntax unary)
    {
        var operand = Evaluate(unary.Operand);
        if (operand is FloatValue f)
        {
            return unary.Operator switch
            {
                "-" => new FloatValue(-f.Value),
                "+" => f,
                _ => Invalid(unary, $"operator '{unary.Operator}' cannot be applied to a floating-point value"),
            };
        }

        if (ToInteger(operand, unary.Operand) is not { } value)
        {
            return null;
        }

        return unary.Operator switch
        {
            "-" => new IntegerValue(unchecked(-value)),
            "+" => new IntegerValue(value),
            "~" => new IntegerValue(~value),
            "!" => new BooleanValue(value == 0),
            _ => Invalid(unary, $"unknown operator '{unary.Operator}'"),
        };
    }

    private ConfigValue? EvaluateBinary(BinaryExpressionSyntax binary)
    {
        if (ToInteger(binary.Left) is not { } left || ToInteger(binary.Right) is not { } right)
        {
            return null;
        }

        switch (binary.Operator)
        {
            case "/" or "%" when right == 0:
                return Invalid(binary, "division by zero");
            case "<<" or ">>" when right is < 0 or > 63:
                return Invalid(binary, $"shift count {right} is out of range 0..63");
        }

        if (binary.Operator == "**")
        {
            return Power(binary, left, right);
        }

        if (CIntegers.Apply(binary.Operator, left, right) is not { } result)
        {
            return Invalid(binary, $"unknown operator '{binary.Operator}'");
        }

        return CIntegers.YieldsTruthValue(binary.Operator) ? new BooleanValue(result != 0) : new IntegerValue(result);
    }

    private ConfigValue? Power(BinaryExpressionSyntax at, long value, long exponent)
    {
        if (exponent < 0)
        {
            return Invalid(at, "a negative exponent does not give an integer");
        }

        long result = 1;
        for (var i = 0L; i < exponent && i < 64; i++)
        {
            result = unchecked(result * value);
        }

        // Beyond 64 steps only 0, 1 and -1 keep a meaningful value; the rest overflowed long ago anyway.
        return new IntegerValue(exponent >= 64 && value is -1 ? (exponent % 2 == 0 ? 1 : -1) : result);
    }

    private long? ToInteger(ExpressionSyntax expression) => ToInteger(Evaluate(expression), expression);

    private long? ToInteger(ConfigValue? value, ExpressionSyntax source)
    {
        switch (value)
        {
            case IntegerValue i:
                return i.Value;
            case BooleanValue b:
                return b.Value ? 1 : 0;
            case null:
                return null;
            default:
                Invalid(source, $"{value.Describe()} is not an integer");
                return null;
        }
    }

    private ConfigValue? Invalid(ExpressionSyntax at, string message)
    {
        _diagnostics.Report(DiagnosticDescriptors.InvalidSettingValue, at.Location, message);
        return null;
    }
}
