using System.Text;

namespace MultiClient;

/// <summary>Each call writes a string into the shared dataport, signals every client, and returns how many calls came before.</summary>
public sealed class Echo : EchoBase
{
    private int _count;

    protected override int S_EchoInt()
    {
        var text = Encoding.ASCII.GetBytes("This string is in the dataport.\0");
        text.CopyTo(D.WritableBytes);
        D.Release();
        E.Emit();
        return _count++;
    }
}
