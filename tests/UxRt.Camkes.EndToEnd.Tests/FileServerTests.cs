namespace UxRt.Camkes.EndToEnd.Tests;

/// <summary>
/// The FileServer example through `dotnet run`: a unicore in-memory file system served over the
/// UX/RT transport, and a native client that goes through every client API, errors and select.
/// </summary>
public sealed class FileServerTests
{
    [Fact]
    public void FileServer_round_trips_every_size_through_every_api_and_selects_every_path()
    {
        using var example = ExampleWorkspace.CopyOf("FileServer");

        var result = example.Run();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("client: 10 sizes from 1 byte to 1 MiB written and read back through short messages, long messages, read()/write() and a Stream", result.Output);
        Assert.Contains("client: errors come back as statuses: ENOENT (no such path), EBADF (the endpoint does not allow this direction), EINVAL (invalid offset or length), EMSGSIZE (more than the message can carry)", result.Output);
        Assert.Contains("client: /srv/fs/motd says \"welcome to /srv/fs, served over the UX/RT transport\"", result.Output);
        Assert.Contains("client: select saw all 5 paths ready: /srv/fs/buffered, /srv/fs/motd, /srv/fs/registers, /srv/fs/streamed, /srv/fs/unix", result.Output);
        Assert.Contains("client: checksum 0x494383094ac794e1", result.Output);
    }
}
