using Microsoft.CodeAnalysis;

namespace UxRt.Camkes.Analyzers.Symbols;

/// <summary>
/// The framework types the rules look for, resolved once per compilation. A type the compilation
/// does not have (or has twice) stays null, and the rules that need it simply never match.
/// </summary>
internal sealed class KnownTypes
{
    public KnownTypes(Compilation compilation)
    {
        Thread = Get(compilation, "System.Threading.Thread");
        ThreadPool = Get(compilation, "System.Threading.ThreadPool");
        Monitor = Get(compilation, "System.Threading.Monitor");
        Lock = Get(compilation, "System.Threading.Lock");
        SemaphoreSlim = Get(compilation, "System.Threading.SemaphoreSlim");
        WaitHandle = Get(compilation, "System.Threading.WaitHandle");
        ManualResetEventSlim = Get(compilation, "System.Threading.ManualResetEventSlim");
        CountdownEvent = Get(compilation, "System.Threading.CountdownEvent");
        Barrier = Get(compilation, "System.Threading.Barrier");
        CancellationTokenSource = Get(compilation, "System.Threading.CancellationTokenSource");
        CancellationToken = Get(compilation, "System.Threading.CancellationToken");
        ReaderWriterLockSlim = Get(compilation, "System.Threading.ReaderWriterLockSlim");
        SpinWait = Get(compilation, "System.Threading.SpinWait");
        BlockingCollection = Get(compilation, "System.Collections.Concurrent.BlockingCollection`1");
        ThreadingTimer = Get(compilation, "System.Threading.Timer");
        TimersTimer = Get(compilation, "System.Timers.Timer");

        Task = Get(compilation, "System.Threading.Tasks.Task");
        TaskOfT = Get(compilation, "System.Threading.Tasks.Task`1");
        ValueTask = Get(compilation, "System.Threading.Tasks.ValueTask");
        ValueTaskOfT = Get(compilation, "System.Threading.Tasks.ValueTask`1");
        TaskFactory = Get(compilation, "System.Threading.Tasks.TaskFactory");
        TaskFactoryOfT = Get(compilation, "System.Threading.Tasks.TaskFactory`1");
        TaskScheduler = Get(compilation, "System.Threading.Tasks.TaskScheduler");
        TaskAsyncEnumerableExtensions = Get(compilation, "System.Threading.Tasks.TaskAsyncEnumerableExtensions");

        TaskAwaiter = Get(compilation, "System.Runtime.CompilerServices.TaskAwaiter");
        TaskAwaiterOfT = Get(compilation, "System.Runtime.CompilerServices.TaskAwaiter`1");
        ValueTaskAwaiter = Get(compilation, "System.Runtime.CompilerServices.ValueTaskAwaiter");
        ValueTaskAwaiterOfT = Get(compilation, "System.Runtime.CompilerServices.ValueTaskAwaiter`1");
        ConfiguredTaskAwaiter = Get(compilation, "System.Runtime.CompilerServices.ConfiguredTaskAwaitable+ConfiguredTaskAwaiter");
        ConfiguredTaskAwaiterOfT = Get(compilation, "System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1+ConfiguredTaskAwaiter");
        ConfiguredValueTaskAwaiter = Get(compilation, "System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable+ConfiguredValueTaskAwaiter");
        ConfiguredValueTaskAwaiterOfT = Get(compilation, "System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable`1+ConfiguredValueTaskAwaiter");

        Stream = Get(compilation, "System.IO.Stream");
        File = Get(compilation, "System.IO.File");
        TextReader = Get(compilation, "System.IO.TextReader");
        TextWriter = Get(compilation, "System.IO.TextWriter");
        Console = Get(compilation, "System.Console");
        MemoryStream = Get(compilation, "System.IO.MemoryStream");
        StringReader = Get(compilation, "System.IO.StringReader");
        StringWriter = Get(compilation, "System.IO.StringWriter");
    }

    public INamedTypeSymbol? Thread { get; }
    public INamedTypeSymbol? ThreadPool { get; }
    public INamedTypeSymbol? Monitor { get; }
    public INamedTypeSymbol? Lock { get; }
    public INamedTypeSymbol? SemaphoreSlim { get; }
    public INamedTypeSymbol? WaitHandle { get; }
    public INamedTypeSymbol? ManualResetEventSlim { get; }
    public INamedTypeSymbol? CountdownEvent { get; }
    public INamedTypeSymbol? Barrier { get; }
    public INamedTypeSymbol? CancellationTokenSource { get; }
    public INamedTypeSymbol? CancellationToken { get; }
    public INamedTypeSymbol? ReaderWriterLockSlim { get; }
    public INamedTypeSymbol? SpinWait { get; }
    public INamedTypeSymbol? BlockingCollection { get; }
    public INamedTypeSymbol? ThreadingTimer { get; }
    public INamedTypeSymbol? TimersTimer { get; }

    public INamedTypeSymbol? Task { get; }
    public INamedTypeSymbol? TaskOfT { get; }
    public INamedTypeSymbol? ValueTask { get; }
    public INamedTypeSymbol? ValueTaskOfT { get; }
    public INamedTypeSymbol? TaskFactory { get; }
    public INamedTypeSymbol? TaskFactoryOfT { get; }
    public INamedTypeSymbol? TaskScheduler { get; }
    public INamedTypeSymbol? TaskAsyncEnumerableExtensions { get; }

    public INamedTypeSymbol? TaskAwaiter { get; }
    public INamedTypeSymbol? TaskAwaiterOfT { get; }
    public INamedTypeSymbol? ValueTaskAwaiter { get; }
    public INamedTypeSymbol? ValueTaskAwaiterOfT { get; }
    public INamedTypeSymbol? ConfiguredTaskAwaiter { get; }
    public INamedTypeSymbol? ConfiguredTaskAwaiterOfT { get; }
    public INamedTypeSymbol? ConfiguredValueTaskAwaiter { get; }
    public INamedTypeSymbol? ConfiguredValueTaskAwaiterOfT { get; }

    public INamedTypeSymbol? Stream { get; }
    public INamedTypeSymbol? File { get; }
    public INamedTypeSymbol? TextReader { get; }
    public INamedTypeSymbol? TextWriter { get; }
    public INamedTypeSymbol? Console { get; }
    public INamedTypeSymbol? MemoryStream { get; }
    public INamedTypeSymbol? StringReader { get; }
    public INamedTypeSymbol? StringWriter { get; }

    /// <summary>Task, Task&lt;T&gt;, ValueTask or ValueTask&lt;T&gt;.</summary>
    public bool IsTaskLike(ITypeSymbol? type) =>
        type.Is(Task) || type.Is(TaskOfT) || type.Is(ValueTask) || type.Is(ValueTaskOfT);

    /// <summary>What <c>await</c> of a Task-like type produces: null for a non-generic one or a type that is not Task-like.</summary>
    public ITypeSymbol? AwaitedType(ITypeSymbol? taskLike) =>
        (taskLike.Is(TaskOfT) || taskLike.Is(ValueTaskOfT)) && taskLike is INamedTypeSymbol { TypeArguments.Length: 1 } named
            ? named.TypeArguments[0]
            : null;

    /// <summary>The awaiter of a Task, Task&lt;T&gt;, ValueTask or ValueTask&lt;T&gt;, configured or not.</summary>
    public bool IsTaskAwaiter(ITypeSymbol? type) =>
        type.Is(TaskAwaiter) || type.Is(TaskAwaiterOfT) || type.Is(ValueTaskAwaiter) || type.Is(ValueTaskAwaiterOfT)
        || type.Is(ConfiguredTaskAwaiter) || type.Is(ConfiguredTaskAwaiterOfT)
        || type.Is(ConfiguredValueTaskAwaiter) || type.Is(ConfiguredValueTaskAwaiterOfT);

    private static INamedTypeSymbol? Get(Compilation compilation, string metadataName) =>
        compilation.GetTypeByMetadataName(metadataName);
}
