namespace UxRt.Camkes.Analyzers.Tests;

/// <summary>Each code fix's rewrite, and where no fix is offered.</summary>
public sealed class CodeFixTests
{
    [Theory]
    [InlineData("UXRT1001",
        "async Task Pause() { Thread.Sleep(10); }",
        "async Task Pause() { await Task.Delay(10); }")]
    [InlineData("UXRT1002",
        "async Task Finish(Task work) { work.Wait(); }",
        "async Task Finish(Task work) { await work; }")]
    [InlineData("UXRT1002",
        "async Task<int> Read(Task<int> work) { var value = work.Result; return value; }",
        "async Task<int> Read(Task<int> work) { var value = await work; return value; }")]
    [InlineData("UXRT1002",
        "async Task<string> Show(Task<int> work) => work.Result.ToString();",
        "async Task<string> Show(Task<int> work) => (await work).ToString();")]
    [InlineData("UXRT1002",
        "async Task<int> Read(ValueTask<int> work) => work.GetAwaiter().GetResult() + 1;",
        "async Task<int> Read(ValueTask<int> work) => await work + 1;")]
    [InlineData("UXRT1002",
        "async Task Finish(Task a, Task b) { Task.WaitAll(a, b); }",
        "async Task Finish(Task a, Task b) { await Task.WhenAll(a, b); }")]
    [InlineData("UXRT1004",
        "async Task<bool> Take(SemaphoreSlim slots) { if (slots.Wait(100)) { return true; } return false; }",
        "async Task<bool> Take(SemaphoreSlim slots) { if (await slots.WaitAsync(100)) { return true; } return false; }")]
    [InlineData("UXRT1005",
        "async Task<int> Await(Notification ready) => ready.Wait() * 2;",
        "async Task<int> Await(Notification ready) => await ready.WaitAsync() * 2;")]
    [InlineData("UXRT1005",
        "async Task<int> Sum() => Greeter.Add(1, 2);",
        "async Task<int> Sum() => await Greeter.AddAsync(1, 2);")]
    [InlineData("UXRT1006",
        "async Task Store(Stream output, byte[] buffer) { output.Write(buffer, 0, buffer.Length); }",
        "async Task Store(Stream output, byte[] buffer) { await output.WriteAsync(buffer, 0, buffer.Length); }")]
    [InlineData("UXRT1006",
        "async Task<string> Load(string path) { return File.ReadAllText(path); }",
        "async Task<string> Load(string path) { return await File.ReadAllTextAsync(path); }")]
    [InlineData("UXRT1007",
        "async Task Finish(Task work) { await work.ConfigureAwait(false); }",
        "async Task Finish(Task work) { await work; }")]
    [InlineData("UXRT1007",
        "async Task Drain(IAsyncEnumerable<int> items) { await foreach (var item in items.ConfigureAwait(false)) { } }",
        "async Task Drain(IAsyncEnumerable<int> items) { await foreach (var item in items) { } }")]
    [InlineData("UXRT1009",
        "int _n; void Watch(CancellationToken stop) { stop.Register(() => _n++); }",
        "int _n; void Watch(CancellationToken stop) { stop.Register(() => _n++, useSynchronizationContext: true); }")]
    [InlineData("UXRT1009",
        "int _n; void Watch(CancellationToken stop) { stop.Register(_ => _n++, null); }",
        "int _n; void Watch(CancellationToken stop) { stop.Register(_ => _n++, null, useSynchronizationContext: true); }")]
    [InlineData("UXRT1009",
        "int _n; void Begin() { new Timer(_ => _n++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)); }",
        "int _n; void Begin() { StartTimer(TimeSpan.FromSeconds(1), () => _n++); }")]
    [InlineData("UXRT1009",
        "IDisposable? _ticking; void Tick(object? state) { } void Begin() { _ticking = new Timer(Tick, this, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)); }",
        "IDisposable? _ticking; void Tick(object? state) { } void Begin() { _ticking = StartTimer(TimeSpan.FromSeconds(1), () => Tick(this)); }")]
    public async Task Rewrites_to_the_awaitable_alternative(string id, string before, string after)
    {
        var fixedText = await CodeFixHarness.ApplyAsync(before, id);

        Assert.Equal(TestSources.Component(after), fixedText);
    }

    [Fact]
    public async Task Fixes_inside_an_async_lambda_and_an_async_local_function()
    {
        var fixedText = await CodeFixHarness.ApplyAsync(
            "Func<Task> Later() => async () => Thread.Sleep(1);",
            "UXRT1001");

        Assert.Equal(TestSources.Component("Func<Task> Later() => async () => await Task.Delay(1);"), fixedText);
    }

    [Fact]
    public async Task Fixes_inside_an_async_local_function()
    {
        var fixedText = await CodeFixHarness.ApplyAsync(
            "void Outer() { async Task Inner(Task work) { work.Wait(); } }",
            "UXRT1002");

        Assert.Equal(TestSources.Component("void Outer() { async Task Inner(Task work) { await work; } }"), fixedText);
    }

    [Theory]
    [InlineData("UXRT1001", "void Pause() { Thread.Sleep(10); }")]
    [InlineData("UXRT1002", "async Task Outer(Task work) { Action inner = () => work.Wait(); }")]
    [InlineData("UXRT1002", "int Property => Task.Run(() => 1).Result;")]
    [InlineData("UXRT1002", "private readonly object _gate = new(); async Task Finish(Task work) { lock (_gate) { work.Wait(); } }")]
    [InlineData("UXRT1002", "async Task<int> Read(Task<int> work) => work.Wait(100) ? 1 : 0;")]
    [InlineData("UXRT1002", "async Task<int> First(Task a, Task b) => Task.WaitAny(a, b);")]
    [InlineData("UXRT1002", "async Task Finish(Task? work) { work?.Wait(); }")]
    [InlineData("UXRT1005", "async Task<string> Greet() => Greeter.Greet(\"world\", 3, out _);")]
    [InlineData("UXRT1006", "async Task Store(Stream output) { output.Write(stackalloc byte[1]); }")]
    public async Task Offers_no_fix_where_an_await_would_not_compile_or_mean_the_same(string id, string members)
    {
        Assert.Empty(await CodeFixHarness.FixesAsync(members, id));
    }

    [Theory]
    [InlineData("void Watch(CancellationToken stop) { stop.UnsafeRegister(_ => { }, null); }")]
    [InlineData("void Watch(CancellationToken stop) { stop.Register((_, _) => { }, null); }")]
    [InlineData("Timer? _t; void Begin() { _t = new Timer(_ => { }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)); }")]
    [InlineData("void Begin() { new Timer(_ => { }, null, TimeSpan.Zero, TimeSpan.FromSeconds(1)); }")]
    [InlineData("void Begin() { new Timer(state => Console.Write(state), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)); }")]
    [InlineData("void Begin() { new System.Timers.Timer(1000).Start(); }")]
    public async Task Offers_no_StartTimer_or_context_fix_where_the_rewrite_would_change_the_meaning(string members)
    {
        Assert.Empty(await CodeFixHarness.FixesAsync(members, "UXRT1009"));
    }
}
