using SharpFuzz;
using UxRt.Camkes.Fuzz;

// The afl++ harness: `dotnet UxRt.Camkes.Fuzz.dll <target>` under afl-fuzz (tools/fuzz/run-afl.sh),
// or `dotnet UxRt.Camkes.Fuzz.dll <target> <file>...` to replay inputs (a crash rethrows).
var targets = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
{
    ["frontend"] = FrontEndTarget.Run,
    ["message"] = MessageDecoderTarget.Run,
};

if (args.Length == 0 || !targets.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine($"usage: UxRt.Camkes.Fuzz <{string.Join('|', targets.Keys)}> [input files to replay]");
    return 2;
}

if (args.Length > 1)
{
    foreach (var file in args.Skip(1))
    {
        target(File.ReadAllBytes(file));
        Console.WriteLine($"{file}: ok");
    }

    return 0;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var memory = new MemoryStream();
    stream.CopyTo(memory);
    target(memory.ToArray());
});
return 0;
