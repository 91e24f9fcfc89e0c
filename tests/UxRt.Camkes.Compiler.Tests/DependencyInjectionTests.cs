using Microsoft.Extensions.DependencyInjection;
using UxRt.Camkes.Runtime.Components;
using UxRt.Camkes.Runtime.Kernel;

namespace UxRt.Camkes.Compiler.Tests;

/// <summary>
/// The generated <c>Create(SystemContext)</c> makes every component through the context's
/// container: constructors take services, in native and unicore components alike, and a
/// component's configured attributes are already set when its constructor runs.
/// </summary>
public sealed class DependencyInjectionTests
{
    private const string Spec = """
        import <std_connector.camkes>;
        procedure Greeter { string greet(in string name); };
        component Client { control; uses Greeter greeter; attribute string name = "nobody"; }
        component Server { provides Greeter greeter; }
        assembly {
            composition {
                component Client client;
                component Server server;
                connection seL4RPCCall greeting(from client.greeter, to server.greeter);
            }
            configuration {
                client.name = "configured name";
                server.threading = "unicore";
            }
        }
        """;

    private const string Code = """
        using Microsoft.Extensions.Logging;
        namespace Demo;
        public sealed class Client : ClientBase
        {
            private readonly System.Text.StringBuilder _journal;
            public Client(System.Text.StringBuilder journal, ILogger<Client> logger)
            {
                _journal = journal;
                // Attributes are there before the constructor body runs.
                _journal.AppendLine("client constructed for " + Name);
                logger.LogInformation("client made");
            }
            protected override void Run() => _journal.AppendLine(Greeter.Greet(Name));
        }
        public sealed class Server : ServerBase
        {
            private readonly System.TimeProvider _time;
            public Server(System.TimeProvider time) => _time = time;
            protected override System.Threading.Tasks.ValueTask<string> GreeterGreetAsync(string name) =>
                new("hello, " + name + (_time is not null ? "" : "?"));
        }
        """;

    [Fact]
    public void Components_of_a_generated_system_take_their_constructor_arguments_from_the_container()
    {
        var assembly = new GeneratorHarness().WithSpec("greeting.camkes", Spec).WithCode("Usings.cs", Specs.Usings).WithCode("Components.cs", Code).Load();
        var journal = new System.Text.StringBuilder();
        var services = new ServiceCollection().AddLogging().AddSingleton(journal).AddSingleton(TimeProvider.System).BuildServiceProvider();

        var create = assembly.GetType("Demo.GreetingSystem")!.GetMethod("Create", [typeof(SystemContext)])!;
        using var kernel = (SystemKernel)create.Invoke(null, [new SystemContext(services, new SystemOptions())])!;

        Assert.Equal(0, kernel.Run());
        var lines = journal.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["client constructed for configured name", "hello, configured name"], lines);
    }

    [Fact]
    public void A_service_nobody_registered_is_an_error_naming_the_instance()
    {
        var assembly = new GeneratorHarness().WithSpec("greeting.camkes", Spec).WithCode("Usings.cs", Specs.Usings).WithCode("Components.cs", Code).Load();
        var create = assembly.GetType("Demo.GreetingSystem")!.GetMethod("Create", [typeof(Microsoft.Extensions.Logging.ILogger), typeof(string)])!;

        var failure = Assert.Throws<System.Reflection.TargetInvocationException>(() => create.Invoke(null, [null, null]));

        var inner = Assert.IsType<InvalidOperationException>(failure.InnerException);
        Assert.Contains("instance 'client' (Client) cannot be created", inner.Message);
        Assert.Contains("System.Text.StringBuilder", inner.Message);
    }

    [Fact]
    public void A_component_made_with_new_has_its_attribute_defaults()
    {
        var assembly = new GeneratorHarness().WithSpec("greeting.camkes", Spec).WithCode("Usings.cs", Specs.Usings).WithCode("Components.cs", Code).Load();
        var client = (Component)Activator.CreateInstance(assembly.GetType("Demo.Client")!, new System.Text.StringBuilder(), CreateLogger(assembly))!;

        Assert.Equal("nobody", (string)((dynamic)client).Name);
    }

    private static object CreateLogger(System.Reflection.Assembly assembly) =>
        Activator.CreateInstance(typeof(Microsoft.Extensions.Logging.Abstractions.NullLogger<>).MakeGenericType(assembly.GetType("Demo.Client")!))!;
}
