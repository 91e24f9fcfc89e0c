namespace UxRt.Camkes.EndToEnd.Tests;

/// <summary>
/// The Pipeline and Supervised examples through `dotnet run`: they exercise dataports,
/// notifications, badges, passive and direct calls, faults with restart, and a unicore instance.
/// </summary>
public sealed class MoreExamplesTests
{
    [Fact]
    public void Pipeline_moves_every_sample_through_shared_memory_intact()
    {
        using var example = ExampleWorkspace.CopyOf("Pipeline");

        var result = example.Run();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("1000 of 1000 samples arrived intact, 0 did not (1000 samples audited)", result.Output);
    }

    [Fact]
    public void Supervised_restarts_the_faulting_worker_and_the_other_jobs_still_complete()
    {
        using var example = ExampleWorkspace.CopyOf("Supervised");

        var result = example.Run();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("supervisor: worker faulted on worker.control: poisoned job -1", result.Output);
        Assert.Contains("job -1: failed", result.Output);
        Assert.Contains("job 12: 144", result.Output);
        Assert.Equal(2, result.Output.Split('\n').Count(line => line.Trim() == "worker: ready"));
    }
}
