namespace HierarchicalComponents;

/// <summary>Sends the same greeting down the pipelines and to the first pipeline's own interface.</summary>
public sealed class Client : ClientBase
{
    protected override void Run()
    {
        O1.Process("hello ");
        O2.Process("hello ");
    }
}
