using System.Text.Json;

namespace UxRt.Camkes.Cli.Tests;

public sealed class DumpCommandTests
{
    [Fact]
    public void The_resolved_model_is_printed_as_json()
    {
        var run = CliRun.Of("dump", "-I", Path.Combine(CliRun.SpecsDirectory, "lib"), "-D", "GREETING_PRIORITY=0x20", CliRun.Spec("system.camkes"));

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal("system", root.GetProperty("name").GetString());
        Assert.Equal(
            new[] { "client", "server", "device" },
            root.GetProperty("instances").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        Assert.Equal("back", root.GetProperty("instances")[1].GetProperty("group").GetString());

        var priority = root.GetProperty("settings").EnumerateArray().Single(s => s.GetProperty("attribute").GetString() == "greeter_priority");
        Assert.Equal(32, priority.GetProperty("value").GetInt64());

        var greeting = root.GetProperty("connections").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "greeting");
        Assert.Equal("seL4RPCCall", greeting.GetProperty("connector").GetString());
        Assert.Equal(2, greeting.GetProperty("ends").GetArrayLength());
    }

    [Fact]
    public void A_spec_with_errors_prints_no_model()
    {
        var run = CliRun.Of("dump", CliRun.Spec("broken.camkes"));

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Out);
    }
}
