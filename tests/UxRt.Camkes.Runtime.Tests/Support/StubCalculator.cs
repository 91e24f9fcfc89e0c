using UxRt.Camkes.Runtime.Glue;

namespace UxRt.Camkes.Runtime.Tests.Support;

/// <summary>
/// An <see cref="ICalculator"/> whose methods do the least they can, for tests that care about
/// one or two of them and override only those.
/// </summary>
public abstract class StubCalculator : ICalculator
{
    public virtual int Add(int a, int b) => a + b;

    public virtual string Greet(string name) => name;

    public virtual void Swap(ref int left, ref int right)
    {
    }

    public virtual void Split(long value, out int high, out int low) => (high, low) = (0, 0);

    public virtual int Sum(int[] values) => 0;

    public virtual int Measure(in double value) => 0;

    public virtual int SenderId() => CallContext.SenderBadge;

    public virtual void Fail(string message)
    {
    }
}
