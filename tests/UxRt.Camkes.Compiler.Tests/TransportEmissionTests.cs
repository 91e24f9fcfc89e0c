using Microsoft.CodeAnalysis;

namespace UxRt.Camkes.Compiler.Tests;

/// <summary>
/// The UxrtTransport connector's glue: native and unicore components on either end, passive and
/// threaded servers, rights, badges and buffer sizes; it must compile with code that touches every
/// generated member, and the runtime's types stand in for the built-in procedure.
/// </summary>
public sealed class TransportEmissionTests
{
    private const string Spec = """
        import <uxrt-transport.camkes>;

        component Native {
            control;
            uses UxrtFile files;
            uses UxrtFile quick;
            maybe uses UxrtFile spare;
            provides UxrtFile log;
        }

        component Rump {
            control;
            uses UxrtFile log;
            provides UxrtFile files;
            provides UxrtFile quick;
            attribute string threading = "unicore";
        }

        assembly {
            composition {
                component Native native;
                component Rump rump;
                connection UxrtTransport f(from native.files, to rump.files);
                connection UxrtTransport q(from native.quick, to rump.quick);
                connection UxrtTransport l(from rump.log, to native.log);
            }
            configuration {
                rump.files_path = "/srv/rump/files";
                rump.quick_passive = true;
                rump.quick_access = "R";
                native.log_path = "/srv/log";
                native.log_priority = 200;
                rump.files_passive = false;
                native.log_passive = true;
                native.files_buffer_size = 1048576;
                rump.log_attributes = 5;
            }
        }
        """;

    private const string Code = """
        using System.Threading.Tasks;
        using UxRt.Camkes.Runtime.Transport;
        namespace Demo;
        public sealed class Native : NativeBase {
          protected override void Run() {
            Span<byte> bytes = stackalloc byte[16];
            Console.WriteLine(Files.WriteShort(0, bytes) + Files.ReadLong(0, bytes) + Quick.Read(0, bytes) + Files.Buffer.Length);
            using var stream = Transport.Open("/srv/rump/files");
            stream.Write(bytes);
            Console.WriteLine(Transport.Paths.Count + " " + (Spare is null) + LogEndpoint.Path);
            LogEndpoint.SignalReady(PollEvents.In);
          }
          protected override long LogRead(TransportRequest request, Span<byte> destination) => 0;
          protected override long LogWrite(TransportRequest request, ReadOnlySpan<byte> source) => source.Length + request.Badge * 0;
        }
        public sealed class Rump : RumpBase {
          protected override async Task RunAsync() {
            var polls = new PollSet();
            polls.Add(Log);
            Console.WriteLine(await Log.WriteAsync(0, new byte[2000]) + await Log.ReadShortAsync(0, new byte[4]));
            await using var stream = Transport.Open("/srv/log");
            await stream.WriteAsync(new byte[3]);
            FilesEndpoint.SignalReady();
            Console.WriteLine((await polls.WaitAsync()).Events);
          }
          protected override ValueTask<long> FilesReadAsync(TransportRequest request, Memory<byte> destination) => ValueTask.FromResult(0L);
          protected override async ValueTask<long> FilesWriteAsync(TransportRequest request, ReadOnlyMemory<byte> source) { await Task.Yield(); return source.Length; }
          protected override ValueTask<long> QuickReadAsync(TransportRequest request, Memory<byte> destination) => ValueTask.FromResult((long)destination.Length);
          protected override ValueTask<long> QuickWriteAsync(TransportRequest request, ReadOnlyMemory<byte> source) => ValueTask.FromResult(TransportStatus.BadDescriptor);
        }
        """;

    [Fact]
    public void Transport_glue_for_native_and_unicore_ends_compiles_with_code_that_uses_it()
    {
        var (output, result) = new GeneratorHarness()
            .WithSpec("transport.camkes", Spec)
            .WithCode("Usings.cs", Specs.Usings)
            .WithCode("Components.cs", Code)
            .Run();

        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        var errors = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        // The built-in procedure is the runtime's: no generated interface, frame or glue for it.
        Assert.DoesNotContain(result.GeneratedSources, s => s.HintName.Contains("UxrtFile", StringComparison.Ordinal));
        var system = result.GeneratedSources.Single(s => s.HintName == "TransportSystem.g.cs").SourceText.ToString();
        Assert.Contains("TransportWiring.Serve(kernel, \"rump\", \"files\", \"/srv/rump/files\"", system);
        Assert.Contains("bufferSize: 1048576", system);
        Assert.Contains("passive: true", system);
        Assert.Contains("rump.ProvidedQuick, global::UxRt.Camkes.Runtime.Dataports.DataportAccess.Read, passive: true);", system);
        Assert.Contains("badge: 5", system);
        Assert.Contains("\"/srv/log\"", system);
        Assert.Contains("native.ProvidedLog, global::UxRt.Camkes.Runtime.Dataports.DataportAccess.Read | global::UxRt.Camkes.Runtime.Dataports.DataportAccess.Write, passive: true);", system);
    }

    [Fact]
    public void An_unset_path_defaults_to_srv_instance_interface()
    {
        var (_, result) = new GeneratorHarness()
            .WithSpec("transport.camkes", Spec.Replace("rump.files_path = \"/srv/rump/files\";", string.Empty, StringComparison.Ordinal))
            .Run();

        var system = result.GeneratedSources.Single(s => s.HintName == "TransportSystem.g.cs").SourceText.ToString();
        Assert.Contains("\"/srv/rump/files\"", system);
        Assert.Contains("\"/srv/rump/quick\"", system);
    }

    [Fact]
    public void A_bad_path_fails_the_build_with_ADL0200_at_the_setting()
    {
        var (_, result) = new GeneratorHarness()
            .WithSpec("transport.camkes", Spec.Replace("\"/srv/log\"", "\"log\"", StringComparison.Ordinal))
            .Run();

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("ADL0200", diagnostic.Id);
        var line = Spec.Split('\n').ToList().FindIndex(l => l.Contains("native.log_path", StringComparison.Ordinal)) + 1;
        Assert.Contains($"transport.camkes({line},", diagnostic.ToString(), StringComparison.Ordinal);
        Assert.Contains("'native.log_path'", diagnostic.ToString(), StringComparison.Ordinal);
    }
}
