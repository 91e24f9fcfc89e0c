using System.Reflection;
using UxRt.Camkes.Runtime.Kernel;

namespace UxRt.Camkes.Compiler.Tests;

/// <summary>
/// global-components' seL4GlobalAsynchCallback as CAmkES apps use it (cakeml_tipc's clients,
/// serialserver_loopback): a component connects its own <c>emits</c> to its own <c>consumes</c>, so
/// the callback on its one notification runs when it (or a peer signalling that notification) emits.
/// </summary>
public sealed class GlobalAsynchCallbackTests
{
    private const string Spec = """
        import <std_connector.camkes>;
        import <global-connectors.camkes>;
        component Client {
            control;
            emits Callback self;
            consumes Callback virtqueue_wait;
        }
        assembly {
            composition {
                component Client client0;
                connection seL4GlobalAsynchCallback client0_global_callback(from client0.self, to client0.virtqueue_wait);
            }
        }
        """;

    private const string Code = """
        namespace Demo;
        public sealed class Client : ClientBase
        {
            public static readonly System.Threading.SemaphoreSlim Called = new(0);
            public static int Callbacks;
            public static bool OnControlThread;

            protected override void Run()
            {
                var control = System.Environment.CurrentManagedThreadId;
                VirtqueueWait.RegisterCallback(_ =>
                {
                    OnControlThread = System.Environment.CurrentManagedThreadId == control;
                    System.Threading.Interlocked.Increment(ref Callbacks);
                    Called.Release();
                });
                Self.Emit();
                if (!Called.Wait(System.TimeSpan.FromSeconds(10)))
                {
                    throw new System.TimeoutException("the callback did not run");
                }
            }
        }
        """;

    [Fact]
    public void A_component_that_emits_to_its_own_callback_runs_the_callback_once_on_its_event_thread()
    {
        var assembly = new GeneratorHarness()
            .WithSpec("callback.camkes", Spec)
            .WithCode("Usings.cs", Specs.Usings)
            .WithCode("Client.cs", Code)
            .Load();

        using var kernel = Create(assembly);
        Assert.Equal(0, kernel.Run());

        var client = assembly.GetType("Demo.Client")!;
        Assert.Equal(1, (int)client.GetField("Callbacks")!.GetValue(null)!);
        Assert.False((bool)client.GetField("OnControlThread")!.GetValue(null)!);
    }

    private static SystemKernel Create(Assembly assembly) =>
        (SystemKernel)assembly.GetType("Demo.CallbackSystem")!.GetMethod("Create", [typeof(Microsoft.Extensions.Logging.ILogger), typeof(string)])!.Invoke(null, new object?[] { null, null })!;
}
