using UxRt.Camkes.Adl.Model;

namespace UxRt.Camkes.Adl.Tests;

/// <summary>Configuration values follow C's precedence and associativity.</summary>
public sealed class ExpressionTests
{
    [Theory]
    [InlineData("1 + 2 * 3", 7)]
    [InlineData("1 << 4 | 0x3", 19)]
    [InlineData("8 - 2 - 1", 5)]
    [InlineData("2 ** 3 ** 2", 512)]
    [InlineData("0 ? 1 : 0 ? 2 : 3", 3)]
    [InlineData("-(3 + 4) * 2", -14)]
    [InlineData("~0 & 0xF0 >> 4", 15)]
    [InlineData("017", 15)]
    [InlineData("0x10u + 1UL", 17)]
    [InlineData("(1 < 2) + (2 <= 2) + (3 != 3)", 2)]
    [InlineData("7 / 2 * 2 + 7 % 2", 7)]
    public void Integer_expressions_evaluate_as_in_C(string expression, long expected)
    {
        var result = Corpus.CompileText($$"""
            component C { control; attribute int value; }
            assembly {
                composition { component C c; }
                configuration { c.value = {{expression}}; }
            }
            """);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new IntegerValue(expected), result.Model!.Settings.Single().Value);
    }
}
