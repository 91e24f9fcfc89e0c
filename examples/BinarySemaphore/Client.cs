namespace BinarySemaphore;

/// <summary>One call; the answer arrives only once the server's event callback has run.</summary>
public sealed class Client : ClientBase
{
    private const int ToEcho = 42;

    protected override void Run()
    {
        Console.WriteLine($"Echoing: {ToEcho} == {Echo.Echo(ToEcho)}");
        RequestSystemStop();
    }
}
