// The spec names the C type (payload_t, from the system header payload.h that CAmkES's app
// includes); in C# it is this struct.
global using payload_t = RPCOverMultiSharedData.Payload;

using System.Runtime.CompilerServices;

namespace RPCOverMultiSharedData;

/// <summary>A request and its answer, laid out as payload.h's struct: the connector copies it whole through the client's buffer both ways.</summary>
public struct Payload
{
    public int Size;
    public Operands Operands;
    public int Result;
}

[InlineArray(1000)]
public struct Operands
{
    private int _element;
}
