namespace HierarchicalComponents;

/// <summary>Passes the text on in upper case (ASCII letters only, as the C original).</summary>
public sealed class UpperCase : UpperCaseBase
{
    protected override void I_Process(string text) => O.Process(text.ToUpperInvariant());
}
