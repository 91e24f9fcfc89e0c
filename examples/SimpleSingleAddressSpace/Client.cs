using System.Globalization;

namespace SimpleSingleAddressSpace;

/// <summary>Calls every method of Simple once and prints what came back, as CAmkES's client.c does.</summary>
public sealed class Client : ClientBase
{
    private const string Hello = "hello world";
    private const string Longer = "a longer string that will overflow the message registers on ARM";

    protected override void Run()
    {
        Console.WriteLine("Starting the client");
        Console.WriteLine("-------------------");

        Console.WriteLine($"echo_int: 42 -> {A.EchoInt(42)}");

        const float f = 273421.4274f;
        Console.WriteLine($"echo_float: {C(f)} -> {C(A.EchoFloat(f))}");

        const double d = 273421.4274;
        Console.WriteLine($"echo_double: {C(d)} -> {C(A.EchoDouble(d))}");
        Console.WriteLine($"echo_mix: {C(d)} -> {A.EchoMix(d)}");

        Console.WriteLine($"echo_string: \"{Hello}\" -> \"{A.EchoString(Hello)}\"");
        Console.WriteLine($"echo_string: \"{Longer}\" -> \"{A.EchoString(Longer)}\"");

        var returned = A.EchoParameter(123, out var pout);
        Console.WriteLine($"echo_parameter: 123 -> {pout} (returned = {returned})");

        var p = 100;
        A.IncrementParameter(ref p);
        Console.WriteLine($"increment_parameter: 100 -> {p}");

        Console.WriteLine("After the client");
    }

    /// <summary>printf's "%f": six decimals, whatever the culture.</summary>
    private static string C(double value) => value.ToString("F6", CultureInfo.InvariantCulture);
}
