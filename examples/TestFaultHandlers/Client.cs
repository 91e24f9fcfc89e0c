using System.Runtime.CompilerServices;

namespace TestFaultHandlers;

/// <summary>
/// Recurses with a kilobyte of stack per frame until the stack runs out. .NET cannot catch a real
/// stack overflow (it ends the process), so each frame asks the runtime whether the stack has room
/// left, which fails with an exception while there still is: the fault the kernel then reports in
/// place of seL4's fault on the guard page.
/// </summary>
public sealed class Client : ClientBase
{
    protected override void Run()
    {
        Console.WriteLine($"{InstanceName}: Attempting to cause a stack overflow...");
        StackOverflow();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int StackOverflow()
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        Span<byte> frame = stackalloc byte[1024];
        frame[0] = 1;

        // Using the result keeps the call from being a tail call that would reuse the frame.
        return StackOverflow() + frame[0];
    }
}
