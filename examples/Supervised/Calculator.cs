namespace Supervised;

/// <summary>Serves <c>square</c> on the caller's thread: seL4DirectCall is a plain call within the group.</summary>
public sealed class Calculator : CalculatorBase
{
    protected override long MathsSquare(int x) => (long)x * x;
}
