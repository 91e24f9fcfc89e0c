namespace HierarchicalComponents;

/// <summary>The pipeline's own interface: completes the greeting and prints it.</summary>
public sealed class Pipeline : PipelineBase
{
    protected override void ExtraProcess(string text) => Console.WriteLine($"{text}world!");
}
