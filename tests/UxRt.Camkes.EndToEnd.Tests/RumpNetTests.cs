using System.Text.RegularExpressions;

namespace UxRt.Camkes.EndToEnd.Tests;

/// <summary>
/// The RumpNet example through `dotnet run`: a unicore network stack between a native client and a
/// native driver, whose every line must have run on its one virtual CPU.
/// </summary>
public sealed class RumpNetTests
{
    [Fact]
    public void RumpNet_sends_every_packet_and_all_netstack_code_ran_on_one_thread()
    {
        using var example = ExampleWorkspace.CopyOf("RumpNet");

        var result = example.Run();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("client: packet \"hello\" sent", result.Output);
        Assert.Contains("client: packet \"through a rump-style stack\" sent", result.Output);
        Assert.Contains("driver: put 26 bytes on the wire", result.Output);
        Assert.Matches(@"netstack: all NetStack code ran on 1 thread \(managed thread \d+, its virtual CPU\)", result.Output);

        // Every line the stack printed names the same thread.
        var threads = Regex.Matches(result.Output, @"netstack \[thread (\d+)\]").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Single(threads);
        Assert.Equal(3, Regex.Matches(result.Output, "while the call was out").Count);
    }
}
