namespace TestDataportRpc;

/// <summary>Echoes each string back on all four interfaces; each connection marshals through a different dataport.</summary>
public sealed class Server : ServerBase
{
    protected override string B_Echo(string s) => s;

    protected override string F_Echo(string s) => s;

    protected override string H_Echo(string s) => s;

    protected override string J_Echo(string s) => s;
}
