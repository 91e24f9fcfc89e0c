using System.Reflection;
using UxRt.Camkes.Runtime.Kernel;

namespace UxRt.Camkes.Compiler.Tests;

/// <summary>
/// Every attribute of a component type is a typed, read-only property of its base class holding
/// the instance's configured value: set, defaulted, reached through <c>&lt;-</c>, structs, arrays
/// and dictionaries (the settings of CAmkES's structs app among them).
/// </summary>
public sealed class AttributeTests
{
    private const string Spec = """
        struct client_config { string name; int age; int height; };
        struct foo { int a; };
        struct bah { int b; foo c; };
        struct cat { int b[]; int c; };

        component Client {
            attribute client_config config;
            attribute {int age; int height;} inline_struct;
            attribute bah nested_struct;
            attribute foo array_struct[];
            attribute int numbers[];
            attribute string strings[];
            attribute cat array_in_struct;
            attribute int untouched = 5;
            attribute unsigned int mask = 0xF0;
            attribute double ratio = 0.25;
            attribute bool verbose;
            attribute string greeting = "hello";
            attribute int unset;
        }

        assembly {
            composition {
                component Client client;
                component Client other;
            }
            configuration {
                client.config = {"name": "Zed", "age": 39, "height": 34 + 4};
                client.inline_struct = {"age": 24, "height": 23};
                client.nested_struct = {"b": 12, "c": {"a": 4}};
                client.array_struct = [{"a": 4}, {"a": 5}, {"a": 6}];
                client.numbers = [4, 5, 6, 7, 8, 7];
                client.strings = ["will", "this", "work?"];
                client.array_in_struct = {"b": [3, 4, 5, 6], "c": 4};
                client.verbose = true;
                client.greeting = "hi " "there";
                other.numbers = [];
                other.greeting <- client.greeting;
                other.untouched = 6;
            }
        }
        """;

    // Declared types are part of the contract: this only compiles if each property has the documented type.
    private const string Code = """
        using System.Collections.Immutable;
        using UxRt.Camkes.Runtime.Kernel;
        namespace Demo;
        public sealed class Client : ClientBase { }
        public static class Probe
        {
            public static string Describe(SystemKernel kernel, string name)
            {
                var c = kernel.GetInstance<Client>(name);
                ClientConfig config = c.Config;
                ImmutableDictionary<string, object?> inline = c.InlineStruct;
                Bah nested = c.NestedStruct;
                ImmutableArray<Foo> foos = c.ArrayStruct;
                ImmutableArray<int> numbers = c.Numbers;
                ImmutableArray<string> strings = c.Strings;
                Cat cat = c.ArrayInStruct;
                int untouched = c.Untouched;
                uint mask = c.Mask;
                double ratio = c.Ratio;
                bool verbose = c.Verbose;
                string greeting = c.Greeting;
                int unset = c.Unset;
                return $"{config.Name} {config.Age} {config.Height} | {string.Join(",", inline.OrderBy(e => e.Key).Select(e => e.Key + "=" + e.Value))} | "
                    + $"{nested.B} {nested.C.A} | {string.Join(",", foos.Select(f => f.A))} | {string.Join(",", numbers)} | {string.Join(" ", strings)} | "
                    + $"array length: {cat.B?.Length ?? 0}, first element {cat.B?.FirstOrDefault()}, c {cat.C} | {untouched} {mask} {ratio} {verbose} '{greeting}' {unset}";
            }
        }
        """;

    [Fact]
    public void Each_instance_reads_its_configured_values_with_the_declared_types()
    {
        var assembly = new GeneratorHarness()
            .WithSpec("structs.camkes", Spec)
            .WithCode("Usings.cs", Specs.Usings)
            .WithCode("Components.cs", Code)
            .Load();

        using var kernel = Create(assembly);
        Assert.Equal(
            "Zed 39 38 | age=24,height=23 | 12 4 | 4,5,6 | 4,5,6,7,8,7 | will this work? | array length: 4, first element 3, c 4 | 5 240 0.25 True 'hi there' 0",
            Describe(assembly, kernel, "client"));
        Assert.Equal(
            " 0 0 |  | 0 0 |  |  |  | array length: 0, first element , c 0 | 6 240 0.25 False 'hi there' 0",
            Describe(assembly, kernel, "other"));
    }

    [Fact]
    public void Attribute_properties_cannot_be_set_by_component_code()
    {
        var (output, _) = new GeneratorHarness()
            .WithSpec("structs.camkes", Spec)
            .WithCode("Usings.cs", Specs.Usings)
            .WithCode("Components.cs", "namespace Demo; public sealed class Client : ClientBase { public void Change() => Untouched = 1; }")
            .Run();

        // Read-only (get-only, filled from the configuration as the instance is made), so the configuration is the only writer.
        Assert.Contains(output.GetDiagnostics(), d => d.Id == "CS0200");
    }

    [Fact]
    public void A_fixed_length_array_field_holds_the_configured_values_then_zeros()
    {
        const string spec = """
            struct colour { int rgb[3]; int alpha; };
            component Client { attribute colour tint; }
            assembly {
                composition { component Client client; component Client other; }
                configuration { client.tint = {"rgb": [10, 20], "alpha": 1}; }
            }
            """;
        const string code = """
            using UxRt.Camkes.Runtime.Kernel;
            namespace Demo;
            public sealed class Client : ClientBase { }
            public static class Probe
            {
                public static string Describe(SystemKernel kernel, string name)
                {
                    var tint = kernel.GetInstance<Client>(name).Tint;
                    return $"{tint.Rgb[0]} {tint.Rgb[1]} {tint.Rgb[2]} {tint.Alpha}";
                }
            }
            """;
        var assembly = new GeneratorHarness()
            .WithSpec("structs.camkes", spec)
            .WithCode("Usings.cs", Specs.Usings)
            .WithCode("Components.cs", code)
            .Load();

        using var kernel = Create(assembly);
        Assert.Equal("10 20 0 1", Describe(assembly, kernel, "client"));
        Assert.Equal("0 0 0 0", Describe(assembly, kernel, "other"));
    }

    private static SystemKernel Create(Assembly assembly) =>
        (SystemKernel)assembly.GetType("Demo.StructsSystem")!.GetMethod("Create", [typeof(Microsoft.Extensions.Logging.ILogger), typeof(string)])!.Invoke(null, new object?[] { null, null })!;

    private static string Describe(Assembly assembly, SystemKernel kernel, string instance) =>
        (string)assembly.GetType("Demo.Probe")!.GetMethod("Describe")!.Invoke(null, new object[] { kernel, instance })!;
}
