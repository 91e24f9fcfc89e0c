namespace HierarchicalComponents;

/// <summary>Prints what comes out of the second pipeline.</summary>
public sealed class Server : ServerBase
{
    protected override void I_Process(string text) => Console.WriteLine(text);
}
