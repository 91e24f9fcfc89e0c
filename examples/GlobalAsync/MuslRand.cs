namespace GlobalAsync;

/// <summary>
/// musl libc's <c>srand</c>/<c>rand</c> (a 64-bit linear congruential generator returning the top
/// 31 bits), which CAmkES's app gets from its C library. The sender's strings, and so the line
/// CAmkES's test waits for, are what this sequence makes from seed 100; System.Random would differ.
/// </summary>
internal sealed class MuslRand
{
    private const ulong Multiplier = 6364136223846793005UL;

    private ulong _state;

    public MuslRand(uint seed) => _state = seed - 1UL;

    public int Next()
    {
        _state = unchecked((Multiplier * _state) + 1);
        return (int)(_state >> 33);
    }
}
