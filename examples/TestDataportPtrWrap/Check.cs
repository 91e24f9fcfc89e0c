namespace TestDataportPtrWrap;

/// <summary>CAmkES's app asserts; a failed check here is a fault of the component that made it.</summary>
internal static class Check
{
    public static void That(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidOperationException(failure);
        }
    }
}
