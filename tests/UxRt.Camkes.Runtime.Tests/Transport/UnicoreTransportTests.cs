using UxRt.Camkes.Runtime.Glue;
using UxRt.Camkes.Runtime.Kernel;
using UxRt.Camkes.Runtime.Tests.Support;
using UxRt.Camkes.Runtime.Threading;
using UxRt.Camkes.Runtime.Transport;

namespace UxRt.Camkes.Runtime.Tests.Transport;

/// <summary>A unicore client awaits every API against every kind of server, resuming on its own CPU; blocking forms throw there at once.</summary>
public sealed class UnicoreTransportTests
{
    public static TheoryData<ServerKind> Servers => new() { ServerKind.Threaded, ServerKind.Passive, ServerKind.Unicore };

    [Theory]
    [MemberData(nameof(Servers))]
    public void A_unicore_client_pairs_every_awaitable_api_and_stays_on_its_cpu(ServerKind kind)
    {
        var clientModel = new UnicoreThreadingModel("client");
        var failures = new List<string>();
        var threads = new HashSet<int>();
        // The control thread may start before TransportRig.Start returns: it waits for the rig.
        var started = new TaskCompletionSource<TransportRig>(TaskCreationOptions.RunContinuationsAsynchronously);
        var client = new ScriptedComponent
        {
            OnRunAsync = async _ =>
            {
                var rig = await started.Task;
                var end = rig.ReadWrite;
                foreach (var writer in TransportApis.All)
                {
                    foreach (var reader in TransportApis.All)
                    {
                        foreach (var size in new[] { 1, ShortMessage.MaxBytes, ShortMessage.MaxBytes + 1, TransportRig.BufferSize, TransportRig.BufferSize + 1 })
                        {
                            if (size > Math.Min(writer.Capacity(end), reader.Capacity(end)))
                            {
                                continue;
                            }

                            var data = TransportApis.Pattern(size, seed: (int)writer);
                            var wrote = await writer.WriteAsync(end, 10, data);
                            var back = new byte[size];
                            var read = await reader.ReadAsync(end, 10, back);
                            threads.Add(Environment.CurrentManagedThreadId);
                            if (wrote != size || read != size || !data.AsSpan().SequenceEqual(back))
                            {
                                failures.Add($"{writer}->{reader} {size}: wrote {wrote}, read {read}");
                            }
                        }
                    }
                }

                if (await end.WriteShortAsync(MemoryFiles.FaultingOffset, new byte[2]) != TransportStatus.IOError
                    || await rig.ReadOnly.WriteAsync(0, new byte[2]) != TransportStatus.BadDescriptor
                    || await end.ReadAsync(-5, new byte[2]) != TransportStatus.InvalidArgument)
                {
                    failures.Add("an error status was wrong");
                }

                var blocking = Assert.Throws<BlockingOnVirtualCpuException>(() => end.WriteShort(0, new byte[1]));
                Assert.Contains("client", blocking.Message);
            },
        };

        using var rig = TransportRig.Start(kind, client, new InstanceOptions { HasControl = true, Threading = clientModel });
        started.SetResult(rig);

        Assert.True(rig.Kernel.WaitForControlThreads(Bounded.Wait));
        Assert.DoesNotContain(rig.Kernel.Faults, f => f.Exception is not Faults.CpuHeldTooLongException);
        Assert.Empty(failures);
        Assert.Equal([clientModel.Cpu.ThreadId], threads);
    }
}
