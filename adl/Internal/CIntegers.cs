using System.Globalization;

namespace UxRt.Camkes.Adl;

/// <summary>
/// C's integer literals and binary operators on 64-bit values, shared by the preprocessor's
/// <c>#if</c> and by configuration expressions so that both read and compute numbers alike.
/// </summary>
internal static class CIntegers
{
    /// <summary>Parses a decimal, <c>0x</c> hexadecimal or <c>0</c>-prefixed octal literal, with any <c>u</c>/<c>l</c> suffix.</summary>
    public static bool TryParseLiteral(string text, out long value)
    {
        var digits = text.TrimEnd('u', 'U', 'l', 'L');
        ulong parsed;
        var ok = digits.StartsWith("0x", System.StringComparison.OrdinalIgnoreCase)
            ? ulong.TryParse(digits.Substring(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out parsed)
            : digits.Length > 1 && digits[0] == '0'
                ? TryParseOctal(digits, out parsed)
                : ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out parsed);
        value = unchecked((long)parsed);
        return ok;
    }

    /// <summary>Whether <paramref name="op"/> yields a truth value (0 or 1 in C) rather than a number.</summary>
    public static bool YieldsTruthValue(string op) => op is "&&" or "||" or "==" or "!=" or "<" or ">" or "<=" or ">=";

    /// <summary>
    /// Applies a C binary operator; null for an operator C does not have. Callers reject division
    /// by zero first (each with its own message). Shift counts are taken modulo 64, and
    /// <c>long.MinValue / -1</c> wraps instead of trapping.
    /// </summary>
    public static long? Apply(string op, long left, long right) => op switch
    {
        "||" => left != 0 || right != 0 ? 1 : 0,
        "&&" => left != 0 && right != 0 ? 1 : 0,
        "|" => left | right,
        "^" => left ^ right,
        "&" => left & right,
        "==" => left == right ? 1 : 0,
        "!=" => left != right ? 1 : 0,
        "<" => left < right ? 1 : 0,
        ">" => left > right ? 1 : 0,
        "<=" => left <= right ? 1 : 0,
        ">=" => left >= right ? 1 : 0,
        "<<" => left << (int)(right & 63),
        ">>" => left >> (int)(right & 63),
        "+" => unchecked(left + right),
        "-" => unchecked(left - right),
        "*" => unchecked(left * right),
        "/" => left == long.MinValue && right == -1 ? left : left / right,
        "%" => left == long.MinValue && right == -1 ? 0 : left % right,
        _ => null,
    };

    private static bool TryParseOctal(string text, out ulong value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c < '0' || c > '7' || value > (ulong.MaxValue >> 3))
            {
                return false;
            }

            value = (value << 3) | (uint)(c - '0');
        }

        return true;
    }
}
