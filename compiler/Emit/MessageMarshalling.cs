namespace UxRt.Camkes.Compiler.Emit;

/// <summary>
/// Which <c>MessageBuffer</c> methods carry a C# type through a seL4RPCDataport buffer: strings
/// and string arrays have their own, arrays of anything else are copied as unmanaged memory, and
/// every other type is written in place (the C# compiler rejects types that are not unmanaged).
/// </summary>
internal static class MessageMarshalling
{
    public static string WriteCall(string csharpType) => csharpType switch
    {
        "string" => "WriteString",
        "string[]" => "WriteStrings",
        _ when IsArray(csharpType) => $"WriteArray<{Element(csharpType)}>",
        _ => $"Write<{csharpType}>",
    };

    public static string ReadCall(string csharpType) => csharpType switch
    {
        "string" => "ReadString",
        "string[]" => "ReadStrings",
        _ when IsArray(csharpType) => $"ReadArray<{Element(csharpType)}>",
        _ => $"Read<{csharpType}>",
    };

    private static bool IsArray(string csharpType) => csharpType.EndsWith("[]", System.StringComparison.Ordinal);

    private static string Element(string csharpType) => csharpType.Substring(0, csharpType.Length - 2);
}
