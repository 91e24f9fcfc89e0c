namespace HierarchicalComponents;

/// <summary>Passes the text on with its configured suffix.</summary>
public sealed class Append : AppendBase
{
    protected override void I_Process(string text) => O.Process(text + StringToAppend);
}
