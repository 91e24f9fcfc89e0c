using System.Text;

namespace HelloRpc;

/// <summary>The server: answers greetings on its interface thread.</summary>
public sealed class Server : ServerBase
{
    protected override string GreeterGreet(string name, int times, out int length)
    {
        var reply = new StringBuilder();
        for (var i = 0; i < times; i++)
        {
            reply.Append(i == 0 ? "Hello" : ", hello");
        }

        reply.Append(", ").Append(name).Append('!');
        length = reply.Length;
        return reply.ToString();
    }
}
