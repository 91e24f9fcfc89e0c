using System.Runtime.CompilerServices;

namespace Adder;

/// <summary>The layout both ends agree on for a request in the shared dataport (payload.h in CAmkES's app).</summary>
public struct Payload
{
    public int Size;
    public Operands Operands;
    public int Result;
}

[InlineArray(100)]
public struct Operands
{
    private int _element;
}
