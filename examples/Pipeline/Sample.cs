using System.Runtime.CompilerServices;

namespace Pipeline;

/// <summary>What the producer hands the consumer through the <c>samples</c> dataport, read and written in place.</summary>
public struct Sample
{
    public int Sequence;
    public Readings Values;

    /// <summary>The checksum both ends compute and record with the auditor.</summary>
    public readonly long Checksum()
    {
        long sum = Sequence;
        foreach (var value in Values)
        {
            sum = (sum * 31) + value;
        }

        return sum;
    }
}

/// <summary>A fixed number of readings stored inline, so that a <see cref="Sample"/> is one flat block of memory.</summary>
[InlineArray(Length)]
public struct Readings
{
    public const int Length = 16;

    private int _element;
}
