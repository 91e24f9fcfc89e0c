namespace UxRt.Camkes.Analyzers.Tests;

/// <summary>
/// Code that looks blocking but returns at once, which the analyzer used to report (issue 21):
/// each case must stay silent in a unicore component.
/// </summary>
public sealed class FormerFalsePositiveTests
{
    [Theory]
    [InlineData("async Task<int> Read(Task<int> work) { await work; return work.Result; }")]
    [InlineData("async Task<int> Read(Task<int> work) { await work.ConfigureAwait(true); return work.Result; }")]
    [InlineData("async Task Finish(Task work) { await work; work.Wait(); }")]
    [InlineData("async Task Finish(Task work) { await work; work.GetAwaiter().GetResult(); }")]
    [InlineData("async Task<int> Read(Task<int> a, Task<int> b) { await Task.WhenAll(a, b); return a.Result + b.Result; }")]
    [InlineData("int Read(Task<int> work) { if (work.IsCompleted) { return work.Result; } return 0; }")]
    [InlineData("int Read(Task<int> work) => work.IsCompletedSuccessfully ? work.Result : 0;")]
    [InlineData("int Read() => Task.FromResult(1).Result;")]
    [InlineData("int Read() => ValueTask.FromResult(1).Result;")]
    [InlineData("void Finish() => Task.CompletedTask.Wait();")]
    [InlineData("void Finish() => Task.CompletedTask.GetAwaiter().GetResult();")]
    [InlineData("void Store(MemoryStream output, byte[] buffer) { output.Write(buffer, 0, buffer.Length); output.Flush(); }")]
    [InlineData("void Store(Stream output, byte[] buffer) { if (output is MemoryStream memory) { memory.Write(buffer, 0, 1); } }")]
    [InlineData("void Print(StringWriter text) { text.Write(1); text.WriteLine(\"x\"); text.Flush(); }")]
    [InlineData("string? Parse(StringReader text) => text.ReadLine() + text.ReadToEnd();")]
    public async Task Stays_silent(string members)
    {
        Assert.Empty(await AnalyzerHarness.AnalyzeComponentAsync(members));
    }

    [Theory]
    [InlineData("async Task<int> Read(Task<int> work) { var early = work.Result; await work; return early; }")]
    [InlineData("async Task<int> Read(Task<int> work, Task<int> other) { await other; return work.Result; }")]
    [InlineData("int Read(Task<int> work) { if (!work.IsCompleted) { return work.Result; } return 0; }")]
    public async Task Still_reports_a_task_not_known_to_have_finished(string members)
    {
        Assert.Equal("UXRT1002", Assert.Single(await AnalyzerHarness.AnalyzeComponentAsync(members)).Id);
    }
}
