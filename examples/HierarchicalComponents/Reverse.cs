namespace HierarchicalComponents;

/// <summary>Passes the text on reversed.</summary>
public sealed class Reverse : ReverseBase
{
    protected override void I_Process(string text)
    {
        var chars = text.ToCharArray();
        Array.Reverse(chars);
        O.Process(new string(chars));
    }
}
