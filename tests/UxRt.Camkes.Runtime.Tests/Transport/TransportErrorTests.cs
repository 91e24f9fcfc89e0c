using UxRt.Camkes.Runtime.Transport;

namespace UxRt.Camkes.Runtime.Tests.Transport;

/// <summary>Every error comes back as a negative status, never as an exception across the connection.</summary>
public sealed class TransportErrorTests
{
    public static TheoryData<TransportApi, ServerKind> ApisAndServers()
    {
        var data = new TheoryData<TransportApi, ServerKind>();
        foreach (var api in TransportApis.All.Where(a => a != TransportApi.Stream))
        {
            foreach (var kind in Enum.GetValues<ServerKind>())
            {
                data.Add(api, kind);
            }
        }

        return data;
    }

    [Fact]
    public void An_ungranted_path_is_ENOENT_and_opening_it_names_the_granted_ones()
    {
        using var rig = TransportRig.Start(ServerKind.Threaded);
        var paths = rig.Namespace;

        Assert.Equal(TransportStatus.NoEntry, paths.TryOpen("/srv/fs/secret", out var stream));
        Assert.Null(stream);
        Assert.Equal(TransportStatus.NoEntry, paths.Lookup("/srv/fs", out _));
        var error = Assert.Throws<FileNotFoundException>(() => paths.Open("/srv/fs/secret"));
        Assert.Contains("'/srv/fs/secret' is not granted to instance 'client'", error.Message);
        Assert.Contains("/srv/fs/ro, /srv/fs/rw, /srv/fs/wo", error.Message);
        Assert.Equal(0, paths.TryOpen("/srv/fs/rw", out stream));
        Assert.Equal("/srv/fs/rw", stream!.Path);
    }

    [Theory]
    [MemberData(nameof(ApisAndServers))]
    public void Writing_a_read_only_path_or_reading_a_write_only_one_is_EBADF(TransportApi api, ServerKind kind)
    {
        using var rig = TransportRig.Start(kind);

        Assert.Equal(TransportStatus.BadDescriptor, api.Write(rig.ReadOnly, 0, new byte[10]));
        Assert.Equal(TransportStatus.BadDescriptor, api.Read(rig.WriteOnly, 0, new byte[10]));
        Assert.Equal(10, api.Write(rig.WriteOnly, 0, new byte[10]));
        Assert.Equal(0, api.Read(rig.ReadOnly, 0, new byte[10]));
    }

    [Theory]
    [MemberData(nameof(ApisAndServers))]
    public void A_negative_offset_is_EINVAL(TransportApi api, ServerKind kind)
    {
        using var rig = TransportRig.Start(kind);

        Assert.Equal(TransportStatus.InvalidArgument, api.Write(rig.ReadWrite, -1, new byte[10]));
        Assert.Equal(TransportStatus.InvalidArgument, api.Read(rig.ReadWrite, -1, new byte[10]));
        Assert.Equal(TransportStatus.InvalidArgument, api.Write(rig.ReadWrite, long.MaxValue - 5, new byte[10]));
    }

    [Fact]
    public void More_than_a_message_carries_is_EMSGSIZE()
    {
        using var rig = TransportRig.Start(ServerKind.Threaded);
        var client = rig.ReadWrite;

        Assert.Equal(TransportStatus.MessageTooLong, client.WriteShort(0, new byte[ShortMessage.MaxBytes + 1]));
        Assert.Equal(TransportStatus.MessageTooLong, client.ReadShort(0, new byte[ShortMessage.MaxBytes + 1]));
        Assert.Equal(TransportStatus.MessageTooLong, client.WriteLong(0, new byte[TransportRig.BufferSize + 1]));
        Assert.Equal(TransportStatus.MessageTooLong, client.ReadLong(0, new byte[TransportRig.BufferSize + 1]));
        Assert.Equal(TransportStatus.MessageTooLong, client.WriteBuffer(0, TransportRig.BufferSize + 1));
        Assert.Equal(TransportStatus.MessageTooLong, client.ReadBuffer(0, TransportRig.BufferSize + 1));
        Assert.Equal(TransportStatus.InvalidArgument, client.ReadBuffer(0, -1));
    }

    [Theory]
    [MemberData(nameof(ApisAndServers))]
    public void A_server_fault_is_EIO_naming_the_component_and_the_server_keeps_serving(TransportApi api, ServerKind kind)
    {
        using var rig = TransportRig.Start(kind);
        var client = rig.ReadWrite;

        Assert.Equal(TransportStatus.IOError, api.Write(client, MemoryFiles.FaultingOffset, new byte[10]));

        var fault = client.LastFault!;
        Assert.Equal(("server", "rw", "write"), (fault.Instance, fault.Interface, fault.Method));
        Assert.Equal("the disk is on fire", fault.InnerException!.Message);
        Assert.Equal(10, api.Write(client, 0, new byte[10]));
    }

    [Fact]
    public void A_stream_turns_an_error_status_into_an_IOException_on_the_clients_side()
    {
        using var rig = TransportRig.Start(ServerKind.Threaded);
        using var stream = rig.ReadOnly.OpenStream();

        var error = Assert.Throws<IOException>(() => stream.Write(new byte[4]));
        Assert.Contains("EBADF", error.Message);
        stream.Position = MemoryFiles.FaultingOffset;
        using var writable = rig.ReadWrite.OpenStream();
        writable.Position = MemoryFiles.FaultingOffset;
        Assert.IsType<Faults.ComponentFaultException>(Assert.Throws<IOException>(() => writable.Write(new byte[4])).InnerException);
        Assert.Throws<NotSupportedException>(() => writable.Seek(0, SeekOrigin.End));
        Assert.Equal(10, writable.Seek(10, SeekOrigin.Begin));
        Assert.Equal(15, writable.Seek(5, SeekOrigin.Current));
    }

    [Fact]
    public void A_server_that_claims_more_bytes_than_asked_for_is_EIO()
    {
        using var rig = TransportRig.Start(ServerKind.Threaded);
        rig.ReadWrite.Write(0, new byte[100]);
        var liar = TransportWiringProbe.ServeLiar(out var client);
        using (liar)
        {
            Assert.Equal(TransportStatus.IOError, client.ReadShort(0, new byte[4]));
            Assert.Contains("returned 5 for a 4-byte request", client.LastFault!.Message);
        }
    }

    [Theory]
    [InlineData(ServerKind.Threaded)]
    [InlineData(ServerKind.Unicore)]
    public void A_stopped_server_is_ESHUTDOWN(ServerKind kind)
    {
        var rig = TransportRig.Start(kind);
        var client = rig.ReadWrite;
        Assert.Equal(3, client.WriteShort(0, new byte[3]));

        Assert.Empty(rig.Kernel.Stop());

        Assert.Equal(TransportStatus.ShutDown, client.WriteShort(0, new byte[3]));
        Assert.Equal(TransportStatus.ShutDown, client.ReadLong(0, new byte[3000]));
        Assert.Contains("stopped", client.LastFault!.Message);
        rig.Dispose();
    }

    [Fact]
    public void A_second_call_while_one_is_in_flight_on_the_same_end_is_EBUSY()
    {
        using var gate = new ManualResetEventSlim();
        using var rig = TransportRig.Start(ServerKind.Threaded);
        rig.Files.Gate = gate;
        var client = rig.ReadWrite;
        long first = 0;
        var caller = new Thread(() => first = client.WriteShort(0, new byte[1])) { IsBackground = true };
        caller.Start();
        Assert.True(rig.Files.Entered.Wait(Support.Bounded.Wait));

        Assert.Equal(TransportStatus.Busy, client.WriteShort(0, new byte[1]));
        Assert.Equal(TransportStatus.Busy, client.Read(0, new byte[5000]));

        gate.Set();
        Assert.True(caller.Join(Support.Bounded.Wait));
        Assert.Equal(1, first);
    }
}
