using UxRt.Camkes.Adl.Checking;

namespace UxRt.Camkes.Adl.Tests;

/// <summary>The <c>node</c> setting: where each instance runs, and what cannot be split across nodes.</summary>
public sealed class PlacementTests
{
    private const string Header = """
        import <std_connector.camkes>;
        procedure P { void f(); }
        component Server { provides P p; }
        component Client { control; uses P p; }
        component Shared { dataport Buf buf; }

        """;

    private static FrontEndResult Compile(string assembly) => Corpus.CompileText(Header + assembly);

    [Fact]
    public void Instances_without_a_node_share_the_default_node_and_rpc_may_cross_nodes()
    {
        var result = Compile("""
            assembly {
                composition {
                    component Client client;
                    component Server server;
                    component Server spare;
                    component Client other;
                    connection seL4RPCCall call(from client.p, to server.p);
                    connection seL4RPCCall again(from other.p, to spare.p);
                }
                configuration { server.node = "core"; spare.node = "core"; }
            }
            """);

        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        var nodes = PlacementRule.NodesOf(result.Model!);
        Assert.Equal(PlacementRule.DefaultNode, nodes["client"]);
        Assert.Equal("core", nodes["server"]);
        Assert.Equal(new[] { PlacementRule.DefaultNode, "core" }, PlacementRule.NodeNames(result.Model!));
    }

    [Fact]
    public void A_spec_without_node_settings_is_one_node()
    {
        var result = Compile("""
            assembly {
                composition {
                    component Client client;
                    component Server server;
                    connection seL4RPCCall call(from client.p, to server.p);
                }
            }
            """);

        Assert.Equal(new[] { PlacementRule.DefaultNode }, PlacementRule.NodeNames(result.Model!));
    }

    [Fact]
    public void Shared_memory_across_nodes_is_an_error_naming_both_ends()
    {
        var result = Compile("""
            assembly {
                composition {
                    component Shared left;
                    component Shared right;
                    connection seL4SharedData shared(from left.buf, to right.buf);
                }
                configuration { left.node = "a"; right.node = "b"; }
            }
            """);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("ADL0331", diagnostic.Id);
        Assert.Contains("'left.buf' is on node 'a'", diagnostic.Message);
        Assert.Contains("'right.buf' on node 'b'", diagnostic.Message);
        Assert.Matches(@"spec\.camkes\(\d+,\d+\): error ADL0331: connection 'shared' cannot cross nodes", diagnostic.ToString());
        Assert.Null(result.Model);
    }

    [Fact]
    public void A_passive_interface_across_nodes_is_an_error_and_on_one_node_is_fine()
    {
        const string Assembly = """
            assembly {
                composition {
                    component Client client;
                    component Server server;
                    connection seL4RPCCall call(from client.p, to server.p);
                }
                configuration { server.p_passive = true; server.node = "core"; client.node = "NODE"; }
            }
            """;

        var across = Assert.Single(Compile(Assembly.Replace("NODE", "edge")).Diagnostics);
        Assert.Equal("ADL0331", across.Id);
        Assert.Contains("'server.p' is passive", across.Message);
        Assert.Contains("'client.p' is on node 'edge' and 'server.p' on node 'core'", across.Message);
        Assert.Empty(Compile(Assembly.Replace("NODE", "core")).Diagnostics);
    }

    [Fact]
    public void A_component_attribute_named_node_is_the_components_own()
    {
        var result = Corpus.CompileText("""
            import <std_connector.camkes>;
            component Tagged { control; attribute int node; }
            assembly {
                composition { component Tagged t; }
                configuration { t.node = 3; }
            }
            """);

        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(new[] { PlacementRule.DefaultNode }, PlacementRule.NodeNames(result.Model!));
    }

    [Fact]
    public void A_hardware_component_takes_the_node_of_its_driver()
    {
        var result = Corpus.CompileText("""
            import <std_connector.camkes>;
            component Device { hardware; dataport Buf regs; }
            component Driver { dataport Buf regs; }
            assembly {
                composition {
                    component Device device;
                    component Driver driver;
                    connection seL4HardwareMMIO mmio(from driver.regs, to device.regs);
                }
                configuration { driver.node = "io"; }
            }
            """);

        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        Assert.Equal("io", PlacementRule.NodesOf(result.Model!)["device"]);
    }
}
