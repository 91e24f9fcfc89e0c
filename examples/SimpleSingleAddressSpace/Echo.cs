namespace SimpleSingleAddressSpace;

/// <summary>Returns what it is given; called directly on the client's thread (seL4DirectCall within the group).</summary>
public sealed class Echo : EchoBase
{
    protected override string B_EchoString(string s) => s;

    protected override int B_EchoInt(int i) => i;

    protected override float B_EchoFloat(float f) => f;

    protected override double B_EchoDouble(double d) => d;

    // C's conversion from double to int truncates, as the cast does.
    protected override int B_EchoMix(double d) => (int)d;

    protected override int B_EchoParameter(int pin, out int pout)
    {
        pout = pin;
        return pin;
    }

    protected override void B_IncrementParameter(ref int x) => x++;
}
