namespace TestReplyCapProtection;

/// <summary>Makes the one call the test is about, as CAmkES's generator.c does.</summary>
public sealed class Generator : GeneratorBase
{
    protected override void Run()
    {
        Console.WriteLine($"{InstanceName}: Calling Receiver...");
        A.SwitchTo();
        Console.WriteLine("All OK");
    }
}
