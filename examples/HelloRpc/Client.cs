namespace HelloRpc;

/// <summary>The client's control thread: one call to the server, then print the reply.</summary>
public sealed class Client : ClientBase
{
    protected override void Run()
    {
        var reply = Greeter.Greet("world", 3, out var length);
        Console.WriteLine($"{InstanceName} received: {reply} ({length} characters)");
    }
}
