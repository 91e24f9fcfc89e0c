using System.Text;

namespace TestDataportRpc;

/// <summary>Placeholder text, as long as the client needs: CAmkES's app probes its buffers with lorem ipsum.</summary>
internal static class LoremIpsum
{
    private const string Text =
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. " +
        "Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. ";

    /// <summary>The first <paramref name="length"/> characters of the text repeated (ASCII, so as many bytes).</summary>
    public static string Take(int length)
    {
        var text = new StringBuilder(length);
        while (text.Length < length)
        {
            text.Append(Text, 0, Math.Min(Text.Length, length - text.Length));
        }

        return text.ToString();
    }
}
