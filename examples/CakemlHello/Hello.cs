namespace CakemlHello;

/// <summary>
/// The server CAmkES writes in CakeML (componentScript.sml), here in C#: its interface <c>s</c> is
/// typed by the blank procedure HelloGoodbye, and seL4RPCCallNoType brings it the calls of both
/// client procedures, Hello and Goodbye, as CakeML's <c>s_hello</c> … <c>s_bye</c>. The overlay
/// (cakeml_hello_unicore.camkes) makes it unicore, so every handler runs on its one virtual CPU, as
/// code for CakeML's single-threaded runtime expects.
/// </summary>
public sealed class Hello : HelloBase
{
    private readonly HashSet<int> _threads = new();
    private bool _offCpu;

    protected override ValueTask S_HelloAsync() => Print("Hello: hello");

    protected override ValueTask S_InputAsync(uint i) => Print($"Hello: input {i}");

    protected override ValueTask S_MultiInputAsync(uint i, uint j) => Print($"Hello: multi input {i} {j}");

    protected override ValueTask<uint> S_RetAsync() => Answer(42u);

    protected override ValueTask<HelloOutputResult> S_OutputAsync() => Answer(new HelloOutputResult(60));

    protected override ValueTask<HelloInOutResult> S_InOutAsync(uint i) => Answer(new HelloInOutResult(i + 1));

    protected override ValueTask<HelloRainbowResult> S_RainbowAsync(uint i, byte j) =>
        Answer(new HelloRainbowResult(42, i + 1, (byte)(j + 1)));

    protected override ValueTask S_InputStringAsync(string s) => Print("Received this string from C: " + s);

    protected override ValueTask S_InputStringsAsync(string s1, string s2) =>
        Print($"Received these strings from C:\n{s1}\n{s2}");

    protected override ValueTask<string> S_ReverseStringAsync(string s)
    {
        var reversed = s.ToCharArray();
        Array.Reverse(reversed);
        return Answer(new string(reversed));
    }

    protected override ValueTask S_ByeAsync()
    {
        Note();
        Console.WriteLine(_offCpu || _threads.Count != 1
            ? $"{InstanceName} ran a call off its virtual CPU"
            : $"{InstanceName} ran every call on its virtual CPU '{Cpu!.Name}', one OS thread");
        Console.WriteLine("Goodbye: bye");
        return ValueTask.CompletedTask;
    }

    private ValueTask Print(string line)
    {
        Note();
        Console.WriteLine(line);
        return ValueTask.CompletedTask;
    }

    private ValueTask<T> Answer<T>(T value)
    {
        Note();
        return ValueTask.FromResult(value);
    }

    // Where this call runs: on the instance's virtual CPU, and on which OS thread.
    private void Note()
    {
        _offCpu |= Cpu is not { IsCurrent: true };
        _threads.Add(Environment.CurrentManagedThreadId);
    }
}
