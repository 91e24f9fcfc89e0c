namespace ReverseString;

/// <summary>The layout both ends agree on (include/buffer.h): a C string, and the last byte as the ready flag.</summary>
internal static class Layout
{
    public const int Size = 4096;
    public const int EndIndex = Size - 1;
    public const int MaxLength = EndIndex - 1;
}
