namespace CamkesSystem.Tests;

/// <summary>Runs the whole system in-process, as Program.cs does, and checks what the client saw.</summary>
public sealed class SystemTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
#if (nodes)
    public void The_client_gets_every_new_total_from_the_server()
#else
    public void The_client_reads_every_new_total_from_the_dataport()
#endif
    {
        using var kernel = CamkesSystemSystem.Create();
        kernel.Start();

        Assert.True(kernel.WaitForControlThreads(Bound), "the client's control thread did not return");
        Assert.Equal(new[] { 1, 3, 6 }, kernel.GetInstance<Client>("client").TotalsSeen);
        Assert.Empty(kernel.Stop());
        Assert.Empty(kernel.Faults);
    }

    [Fact]
    public void The_system_runs_to_completion()
    {
        Assert.Equal(0, CamkesSystemSystem.Run());
    }
}
