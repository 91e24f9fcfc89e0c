namespace UxRt.Camkes.Cli.Tests;

public sealed class GenerateCommandTests
{
    [Fact]
    public void The_files_written_are_exactly_what_the_source_generator_adds_to_a_build()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"camkes-generate-{Guid.NewGuid():N}");
        try
        {
            var run = CliRun.Of("generate", CliRun.Spec("hello.camkes"), "-o", directory);

            Assert.Equal(0, run.ExitCode);
            var written = Directory.GetFiles(directory)
                .ToDictionary(path => Path.GetFileName(path), File.ReadAllText, StringComparer.Ordinal);
            var generated = RunSourceGenerator(CliRun.Spec("hello.camkes"), CliRun.Spec("lib/Greeter.idl4"));
            Assert.NotEmpty(generated);
            Assert.Equal(generated.Keys.Order(StringComparer.Ordinal), written.Keys.Order(StringComparer.Ordinal));
            Assert.All(generated, file => Assert.Equal(file.Value, written[file.Key]));
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public void A_spec_with_errors_writes_nothing()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"camkes-generate-{Guid.NewGuid():N}");
        var run = CliRun.Of("generate", CliRun.Spec("broken.camkes"), "-o", directory);

        Assert.Equal(1, run.ExitCode);
        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public void The_output_directory_is_required()
    {
        var run = CliRun.Of("generate", CliRun.Spec("hello.camkes"));

        Assert.Equal(2, run.ExitCode);
    }

    private static Dictionary<string, string> RunSourceGenerator(params string[] specs) =>
        SourceGeneratorRun.Run(specs).GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
}
