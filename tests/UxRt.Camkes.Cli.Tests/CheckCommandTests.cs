using System.Text.RegularExpressions;

namespace UxRt.Camkes.Cli.Tests;

public sealed class CheckCommandTests
{
    [Fact]
    public void A_valid_spec_exits_0()
    {
        var run = CliRun.Of("check", "-I", Path.Combine(CliRun.SpecsDirectory, "lib"), "-D", "GREETING_PRIORITY=10", CliRun.Spec("system.camkes"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("no problems found", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_may_be_attached_as_a_C_compiler_takes_them()
    {
        var run = CliRun.Of("check", "-I" + Path.Combine(CliRun.SpecsDirectory, "lib"), "-DGREETING_PRIORITY=10", CliRun.Spec("system.camkes"));

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Definitions_and_include_directories_come_from_the_command_line()
    {
        var run = CliRun.Of("check", CliRun.Spec("system.camkes"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.ErrorLines, l => l.Contains("error ADL0004", StringComparison.Ordinal) && l.Contains("Greeter.idl4", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.Contains("error ADL0020: #error define GREETING_PRIORITY with -D", StringComparison.Ordinal));
    }

    [Fact]
    public void Errors_exit_1_and_print_in_the_msbuild_form_on_stderr()
    {
        var run = CliRun.Of("check", CliRun.Spec("broken.camkes"));

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Equal(2, run.ErrorLines.Length);
        Assert.All(run.ErrorLines, line => Assert.Matches(new Regex(@"^.+broken\.camkes\(\d+,\d+\): error ADL0002: .+$"), line));
        Assert.Contains(run.ErrorLines, l => l.Contains("broken.camkes(5,", StringComparison.Ordinal) && l.Contains("procedure 'Missing'", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.Contains("broken.camkes(11,", StringComparison.Ordinal) && l.Contains("component 'Nowhere'", StringComparison.Ordinal));
    }

    [Fact]
    public void Warnings_alone_exit_0()
    {
        var run = CliRun.Of("check", CliRun.Spec("warned.camkes"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.ErrorLines, l => Regex.IsMatch(l, @"warned\.camkes\(10,9\): warning ADL0016: "));
        Assert.Contains("1 warning(s)", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check", "no-such-file.camkes")]
    [InlineData("check")]
    [InlineData("check", "--frobnicate", "x.camkes")]
    [InlineData("launch", "x.camkes")]
    public void Bad_usage_or_an_unreadable_file_exits_2(params string[] args)
    {
        var run = CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.NotEmpty(run.Error);
    }
}
