using System.Runtime.CompilerServices;

namespace TestDataportRpc;

// The dataport types of ctypes.h, which the spec includes: structs of 100 and 8192 chars.

[InlineArray(100)]
public struct CStruct
{
    private byte _data;
}

[InlineArray(8192)]
public struct CStructBig
{
    private byte _data;
}
