using System.Runtime.InteropServices;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Tests.Hostile;

/// <summary>Only regular files are read, and none larger than <see cref="FrontEndLimits.MaxFileChars"/>.</summary>
public sealed class FileReadingTests
{
    [Theory]
    [InlineData("import \"/dev/zero\";")]
    [InlineData("#include \"/dev/zero\"")]
    [InlineData("import \"/dev/stdin\";")]
    public void A_device_is_refused_where_it_is_named(string line)
    {
        // `import "/dev/zero";` read until memory ran out.
        if (!OperatingSystem.IsLinux())
        {
            return; // devices at these paths exist on Linux
        }

        using var specs = new TempSpecs();
        specs.Write("spec.camkes", "\n  " + line + "\nassembly { composition { } }\n");

        var result = specs.Compile("spec.camkes");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("ADL0041", error.Id);
        Assert.Equal((2, 3), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void A_fifo_is_refused_without_being_opened()
    {
        // Opening a FIFO for reading blocks until someone writes: the build would never end.
        if (!OperatingSystem.IsLinux())
        {
            return; // mkfifo is POSIX
        }

        using var specs = new TempSpecs();
        Assert.Equal(0, mkfifo(specs.PathOf("pipe.camkes"), 0x1A4));
        specs.Write("spec.camkes", "import \"pipe.camkes\";\nassembly { composition { } }\n");

        var result = specs.Compile("spec.camkes");

        Assert.Equal("ADL0041", Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void A_device_as_the_root_file_is_refused()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // /dev/zero exists on Linux
        }

        var result = Bounded.Compile(() => AdlFrontEnd.Compile("/dev/zero", FileSystemSourceProvider.Instance, FrontEndOptions.Default));

        Assert.Equal("ADL0041", Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_on_disk_and_in_memory()
    {
        var huge = "// " + new string('x', FrontEndLimits.MaxFileChars) + "\n";
        using var specs = new TempSpecs();
        specs.Write("huge.camkes", huge);
        specs.Write("spec.camkes", "import \"huge.camkes\";\nassembly { composition { } }\n");

        var onDisk = specs.Compile("spec.camkes");
        var inMemory = Bounded.Compile(() => Corpus.CompileText("\n#include \"huge.camkes\"\nassembly { composition { } }", ("huge.camkes", huge)));
        var asRoot = specs.Compile("huge.camkes");

        Assert.Equal(("ADL0040", 1), (Assert.Single(onDisk.Diagnostics).Id, onDisk.Diagnostics[0].Location.Line));
        Assert.Equal(("ADL0040", 2), (Assert.Single(inMemory.Diagnostics).Id, inMemory.Diagnostics[0].Location.Line));
        Assert.Equal("ADL0040", Assert.Single(asRoot.Diagnostics).Id);
        Assert.True(onDisk.Diagnostics[0].Message.Length < 300, onDisk.Diagnostics[0].Message);
    }

    [Fact]
    public void A_regular_file_is_still_read()
    {
        using var specs = new TempSpecs();
        specs.Write("types.camkes", "procedure P { void f(); }\n");
        specs.Write("spec.camkes", "import \"types.camkes\";\ncomponent C { control; uses P p; }\nassembly { composition { component C c; } }\n");

        var result = specs.Compile("spec.camkes");

        Assert.Equal("ADL0012", Assert.Single(result.Diagnostics).Id);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int mkfifo(string path, uint mode);
}
