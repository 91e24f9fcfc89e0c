using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace UxRt.Camkes.Analyzers;

/// <summary>
/// The rules for code in unicore components. Every message says what was called and what to await
/// instead, and why: the component's lightweight threads share one OS thread, its virtual CPU.
/// </summary>
internal static class UnicoreDiagnosticDescriptors
{
    public const string Category = "UxRt.Camkes.Unicore";

    private const string Why = "this component runs on a virtual CPU (threading = \"unicore\") and blocking it freezes every thread of the component";

    public static readonly DiagnosticDescriptor ThreadSleep = Create(
        "UXRT1001",
        "Thread.Sleep blocks the virtual CPU",
        "{0} blocks: " + Why + "; use {1} instead");

    public static readonly DiagnosticDescriptor BlockingOnTask = Create(
        "UXRT1002",
        "Waiting synchronously for a task blocks the virtual CPU",
        "{0} waits synchronously for a task: " + Why + "; use {1} instead");

    public static readonly DiagnosticDescriptor ThreadLock = Create(
        "UXRT1003",
        "A thread lock blocks the virtual CPU",
        "{0} blocks on a thread lock: " + Why + "; use the component's mutex ('has mutex') with 'await LockAsync()' instead");

    public static readonly DiagnosticDescriptor BlockingWait = Create(
        "UXRT1004",
        "A wait on a thread-blocking primitive blocks the virtual CPU",
        "{0} blocks the calling thread: " + Why + "; use {1} instead");

    public static readonly DiagnosticDescriptor SynchronousTwin = Create(
        "UXRT1005",
        "A synchronous call with an awaitable twin blocks the virtual CPU",
        "{0} is synchronous: " + Why + "; use {1} instead");

    public static readonly DiagnosticDescriptor SynchronousIo = Create(
        "UXRT1006",
        "Synchronous stream or file I/O blocks the virtual CPU",
        "{0} does synchronous I/O: " + Why + "; use {1} instead");

    public static readonly DiagnosticDescriptor ConfigureAwaitFalse = Create(
        "UXRT1007",
        "ConfigureAwait(false) resumes off the virtual CPU",
        "{0} resumes the rest of the method off the virtual CPU: this component runs on a virtual CPU (threading = \"unicore\") and its code must stay on it; use {1} instead");

    public static readonly DiagnosticDescriptor LeavingTheCpu = Create(
        "UXRT1008",
        "Starting work on another OS thread leaves the virtual CPU",
        "{0} runs code off the virtual CPU: this component runs on a virtual CPU (threading = \"unicore\") and its code must stay on it; start a lightweight thread with StartThread, or await the work, instead");

    public static readonly DiagnosticDescriptor CallbackOffCpu = Create(
        "UXRT1009",
        "A timer or cancellation callback runs off the virtual CPU",
        "{0} runs its callback on a thread-pool thread: this component runs on a virtual CPU (threading = \"unicore\") and its code must stay on it; use {1} instead");

    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        ThreadSleep, BlockingOnTask, ThreadLock, BlockingWait, SynchronousTwin, SynchronousIo, ConfigureAwaitFalse, LeavingTheCpu, CallbackOffCpu);

    private static DiagnosticDescriptor Create(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "A unicore component runs all of its code as lightweight threads on one dedicated OS thread, its virtual CPU. Code that blocks that thread freezes the whole component; await instead.");
}
