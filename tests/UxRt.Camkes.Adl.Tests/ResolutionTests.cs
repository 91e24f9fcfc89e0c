using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;

namespace UxRt.Camkes.Adl.Tests;

/// <summary>What the resolved model of the corpus's valid specs holds.</summary>
public sealed class ResolutionTests
{
    private static SystemModel ModelOf(string spec)
    {
        var result = Corpus.Compile(spec);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Model!;
    }

    private static ConfigValue SettingOf(SystemModel model, string instance, string attribute) =>
        model.Settings.Single(s => s.Instance == instance && s.Attribute == attribute).Value;

    [Fact]
    public void Compound_components_are_flattened_with_dotted_names_and_their_exports_followed()
    {
        var model = ModelOf("valid/hierarchical.camkes");

        Assert.Equal(new[] { "front", "pipe.first", "pipe.last" }, model.Instances.Select(i => i.Name));
        Assert.Equal(new[] { null, "io", "io" }, model.Instances.Select(i => i.Group));
        Assert.DoesNotContain(model.Components, c => c.Name == "Pipeline");

        var outer = model.Connections.Single(c => c.Name == "front_to_pipe");
        Assert.Equal(new[] { "front.echo", "pipe.first.echo" }, outer.Ends.Select(e => e.Instance + "." + e.Interface));
        var inner = model.Connections.Single(c => c.Name == "pipe.inner");
        Assert.Equal(new[] { "pipe.first.next", "pipe.last.echo" }, inner.Ends.Select(e => e.Instance + "." + e.Interface));
    }

    [Fact]
    public void A_reference_to_the_enclosing_components_attribute_takes_the_outer_setting()
    {
        var model = ModelOf("valid/hierarchical.camkes");

        Assert.Equal(new IntegerValue(4), SettingOf(model, "pipe.first", "depth"));
        Assert.Equal(new StringValue("pipeline end"), SettingOf(model, "pipe.last", "label"));
        Assert.DoesNotContain(model.Settings, s => s.Instance == "pipe");
    }

    [Fact]
    public void Several_assemblies_merge_and_names_resolve_across_them()
    {
        var model = ModelOf("valid/full_language.camkes");

        Assert.Contains(model.Instances, i => i.Name == "spare_auditor");
        Assert.Equal(new IntegerValue(5), SettingOf(model, "backup", "retries"));
        Assert.Equal(new IntegerValue(5), SettingOf(model, "server", "retries"));
    }

    [Fact]
    public void Connections_keep_every_end_in_any_order()
    {
        var model = ModelOf("valid/full_language.camkes");

        var ready = model.Connections.Single(c => c.Name == "ready_link");
        Assert.Equal(
            new[] { "To server.ready", "From client.ready", "To backup.ready" },
            ready.Ends.Select(e => $"{e.Role} {e.Instance}.{e.Interface}"));
        Assert.Equal(3, model.Connections.Single(c => c.Name == "shared_link").Ends.Count);
    }

    [Fact]
    public void Configuration_values_are_evaluated_as_C_expressions()
    {
        var model = ModelOf("valid/full_language.camkes");

        Assert.Equal(new IntegerValue(0xff), SettingOf(model, "client", "mask"));
        Assert.Equal(new IntegerValue(3), SettingOf(model, "server", "limit"));
        Assert.Equal(new StringValue("hello, world"), SettingOf(model, "server", "banner"));
        Assert.Equal(new BooleanValue(true), SettingOf(model, "client", "verbose"));
        Assert.Equal("[\"x\", \"y\", \"z\"]", SettingOf(model, "client", "names").Describe());
        Assert.Equal("{\"client\": 1, \"2\": 3}", SettingOf(model, "storage_link", "badge_map").Describe());
    }

    [Fact]
    public void Component_definitions_keep_interfaces_attributes_and_defaults()
    {
        var model = ModelOf("valid/full_language.camkes");
        var client = model.Components.Single(c => c.Name == "Client");

        Assert.True(client.IsControl);
        Assert.Equal(
            new[] { InterfaceKind.Uses, InterfaceKind.Uses, InterfaceKind.Emits, InterfaceKind.Dataport, InterfaceKind.Dataport, InterfaceKind.Mutex, InterfaceKind.Semaphore, InterfaceKind.BinarySemaphore },
            client.Interfaces.Select(i => i.Kind));
        Assert.True(client.Interfaces.Single(i => i.Name == "log").IsOptional);
        Assert.Equal(0x2000, client.Interfaces.Single(i => i.Name == "shared").DataportSize);
        Assert.Equal("point", client.Interfaces.Single(i => i.Name == "where").TypeName);
        Assert.Equal(new IntegerValue(19), client.Attributes.Single(a => a.Name == "mask").DefaultValue);
        Assert.True(client.Attributes.Single(a => a.Name == "names").IsArray);

        var server = model.Components.Single(c => c.Name == "Server");
        Assert.Equal(new IntegerValue(0xFFFF), server.Attributes.Single(a => a.Name == "limit").DefaultValue);
    }

    [Fact]
    public void Procedures_keep_C_types_directions_and_arrays()
    {
        var model = ModelOf("valid/full_language.camkes");
        var storage = model.Procedures.Single(p => p.Name == "Storage");

        var read = storage.Methods.Single(m => m.Name == "read");
        Assert.Equal("int", read.ReturnType!.Name);
        Assert.Equal(
            new[] { "In unsigned int block", "Out char data[]", "InOut int64_t cursor", "RefIn struct point origin" },
            read.Parameters.Select(p => $"{p.Direction} {(p.Type.IsStruct ? "struct " : string.Empty)}{p.Type.Name} {p.Name}{(p.IsArray ? "[]" : string.Empty)}"));
        Assert.Null(storage.Methods.Single(m => m.Name == "flush").ReturnType);
        Assert.Empty(storage.Methods.Single(m => m.Name == "flush").Parameters);
        Assert.Equal("unsigned long long", storage.Methods.Single(m => m.Name == "size").ReturnType!.Name);
    }

    [Fact]
    public void Connectors_declare_end_kinds_multiplicity_hardware_and_threads()
    {
        var model = ModelOf("valid/full_language.camkes");
        var mine = model.Connectors.Single(c => c.Name == "MyCall");
        Assert.Equal(new ConnectorEndModel(ConnectorEndKind.Procedure, AllowsMany: true, IsHardware: false, Threads: 0), mine.From);
        Assert.Equal(new ConnectorEndModel(ConnectorEndKind.Procedure, AllowsMany: false, IsHardware: false, Threads: 2), mine.To);

        var mmio = model.Connectors.Single(c => c.Name == "seL4HardwareMMIO");
        Assert.True(mmio.To.IsHardware);
        Assert.Equal(ConnectorEndKind.Dataport, mmio.To.Kind);
        var noType = model.Connectors.Single(c => c.Name == "seL4RPCCallNoType");
        Assert.Contains(noType.Attributes, a => a.Name == "disable_interface_type_checking" && a.DefaultValue == new BooleanValue(true));
    }

    [Fact]
    public void Anonymous_components_and_connectors_are_named_after_their_instance_and_connection()
    {
        var model = ModelOf("valid/full_language.camkes");

        var watcher = model.Instances.Single(i => i.Name == "watcher");
        Assert.Equal("watcher_component", watcher.ComponentType);
        Assert.True(model.Components.Single(c => c.Name == "watcher_component").IsControl);
        var link = model.Connections.Single(c => c.Name == "watch_link");
        Assert.Equal("watch_link_connector", link.ConnectorName);
        Assert.Equal(0, model.Connectors.Single(c => c.Name == "watch_link_connector").From.Threads);
    }

    [Fact]
    public void The_standard_connectors_are_all_built_in()
    {
        var model = Corpus.CompileText("""
            import <std_connector.camkes>;
            component C { control; }
            assembly { composition { component C c; } }
            """).Model!;
        // camkes-tool's include/builtin: std_connector.camkes with camkes-hardware.idl4 and gdb-delegate.camkes.
        var expected = new[]
        {
            "seL4RPCCall", "seL4RPCCallNoType", "seL4DirectCall", "seL4Notification", "seL4NotificationNative",
            "seL4NotificationBind", "seL4NotificationQueue", "seL4RPCEvent", "seL4SharedData", "seL4DMASharedData",
            "seL4HardwareMMIO", "seL4HardwareInterrupt", "seL4IOAPICHardwareInterrupt", "seL4HardwareIOPort",
            "seL4DTBHardware", "seL4DTBHW", "seL4InitHardware", "seL4GDB", "seL4GDBMem",
        };

        Assert.Equal(expected.Order(), model.Connectors.Select(c => c.Name).Order());
        Assert.Contains(model.Procedures, p => p.Name == "IOPort");
    }

    [Fact]
    public void Connectors_of_this_project_live_in_a_library_of_their_own()
    {
        var model = Corpus.CompileText("""
            import <uxrt_connector.camkes>;
            component C { control; }
            assembly { composition { component C c; } }
            """).Model!;

        Assert.Equal(new[] { "seL4RPC", "seL4RPCDataport", "seL4RPCOverMultiSharedData", "seL4RPCSimple" }, model.Connectors.Select(c => c.Name).Order());
    }

    [Fact]
    public void The_preprocessor_feeds_the_parser_with_macros_conditionals_and_definitions()
    {
        var model = ModelOf("valid/preprocessed.camkes");

        Assert.Equal(new[] { "client", "server" }, model.Instances.Select(i => i.Name));
        Assert.Equal(4096, model.Components.Single(c => c.Name == "Client").Interfaces.Single(i => i.Name == "buffer").DataportSize);
        Assert.Equal(new IntegerValue(150), SettingOf(model, "client", "priority"));
        Assert.Equal(new StringValue("my server"), model.Components.Single(c => c.Name == "Server").Attributes.Single().DefaultValue);
    }

    [Fact]
    public void An_unknown_component_type_is_reported_once_and_ends_naming_the_instance_are_not_reported_again()
    {
        var result = Corpus.CompileText("""
            import <std_connector.camkes>;
            procedure P { void f(); }
            component S { provides P p; }
            assembly {
                composition {
                    component Missing m;
                    component S s;
                    connection seL4RPCCall c(from m.p, to s.p);
                    connection seL4RPCCall d(from m.q, to s.p);
                }
            }
            """);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("ADL0002", diagnostic.Id);
        Assert.Equal("component 'Missing' is not defined", diagnostic.Message);
        Assert.Equal(6, diagnostic.Location.Line);
    }

    [Fact]
    public void The_call_cycle_info_names_the_instances_and_connections_in_order()
    {
        var result = Corpus.Compile("errors/ADL0019_call_cycle.camkes");

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(Diagnostics.DiagnosticSeverity.Info, warning.Severity);
        Assert.Contains(": info ADL0019: ", warning.ToString(), StringComparison.Ordinal);
        Assert.Contains("a -> b -> c -> a", warning.Message, StringComparison.Ordinal);
        Assert.Contains("ab, bc, ca", warning.Message, StringComparison.Ordinal);
        Assert.NotNull(result.Model);
    }

    [Fact]
    public void A_setting_CAmkES_would_ignore_is_a_warning_that_still_leaves_a_model()
    {
        var result = Corpus.Compile("errors/ADL0016_unknown_setting_target.camkes");

        Assert.All(result.Diagnostics, d => Assert.Equal(Diagnostics.DiagnosticSeverity.Warning, d.Severity));
        Assert.NotNull(result.Model);
        Assert.DoesNotContain(result.Model!.Settings, s => s.Attribute == "unknown");
        Assert.Contains(result.Model.Settings, s => s.Attribute == "u_priority");
    }

    [Theory]
    [InlineData("\"CakeML\"")]
    [InlineData("\"cakeml\"")]
    [InlineData("\"C\"")]
    public void CAmkES_s_environment_setting_is_accepted_in_any_case_as_camkes_gen_compares_it(string value)
    {
        var result = Corpus.CompileText($$"""
            component Hello { control; }
            assembly {
                composition { component Hello hello; }
                configuration { hello.environment = {{value}}; }
            }
            """);

        Assert.Empty(result.Diagnostics);
        Assert.Contains(result.Model!.Settings, s => s.Instance == "hello" && s.Attribute == "environment");
    }

    [Fact]
    public void An_environment_CAmkES_does_not_know_is_a_positioned_ADL0017()
    {
        var result = Corpus.CompileText("""
            component Hello { control; }
            assembly {
                composition { component Hello hello; }
                configuration { hello.environment = "Rust"; }
            }
            """);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("ADL0017", diagnostic.Id);
        Assert.Equal(4, diagnostic.Location.Line);
        Assert.Contains("\"CakeML\"", diagnostic.Message, StringComparison.Ordinal);
    }
}
