namespace UxRt.Camkes.EndToEnd.Tests;

/// <summary>
/// Ports of CAmkES's own apps (seL4/camkes apps/, same architecture, specs and code written here):
/// each must print the line that CAmkES's test of that app waits for (add_simulate_test).
/// </summary>
public sealed class CamkesAppsTests
{
    [Theory]
    [InlineData("Adder", "client: result was 1270")]
    [InlineData("MultiClient", "echo_int: 2")]
    [InlineData("Event", "event_callback: Got an event")]
    [InlineData("EventDriven", "Got 100 events!")]
    [InlineData("ReverseString", "!dlroW ,olleH")]
    [InlineData("Dataport", "comp2 read hello world")]
    [InlineData("LockServer", "c3: released")]
    [InlineData("BinarySemaphore", "Echoing: 42 == 42")]
    [InlineData("Structs", "array_in_struct: array length: 4, first element 3")]
    [InlineData("Mutex", "b: Exiting")]
    [InlineData("HierarchicalComponents", "hello world!")]
    [InlineData("HierarchicalAttributes", "str: world")]
    [InlineData("Attributes", "a = 11, b = 1")]
    [InlineData("Attributes", "c = 5, d = 4")]
    [InlineData("RPCOverMultiSharedData", "client: result was 1270")]
    [InlineData("TestDataportMux", "4: We're done, people")]
    [InlineData("TestDataportBifurcate", "All OK")]
    [InlineData("SimpleSingleAddressSpace", "After the client")]
    [InlineData("TestDataportPtrWrap", "All OK")]
    [InlineData("TestSingleAddressSpaceHeap", "All OK")]
    [InlineData("GlobalAsync", "Got an event : Incoming data is OKVje138PB1J@cG?ObN2")]
    [InlineData("TestDataportRpc", "All OK")]
    [InlineData("TestCamkes438", "All OK")]
    [InlineData("TestReplyCapProtection", "All OK")]
    [InlineData("Timeserver", "BOOM!")]
    public void Example_prints_the_line_camkes_waits_for(string example, string expected)
    {
        var result = ExampleWorkspace.RunBuilt(example);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains(expected, result.Output);
    }

    [Fact]
    public void TestFaultHandlers_reports_the_clients_stack_overflow_as_camkes_debug_fault_handler_does()
    {
        var result = ExampleWorkspace.RunBuilt("TestFaultHandlers");

        // The fault is unhandled by design, so the system ends with the exit code for that.
        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains("c: Attempting to cause a stack overflow...", result.Output);
        Assert.Contains("FAULT HANDLER", result.Output);
    }

    [Fact]
    public void CakemlHello_runs_its_CakeML_style_server_unicore_through_the_overlay_and_prints_goodbye()
    {
        var result = ExampleWorkspace.RunBuilt("CakemlHello");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("Hello_rainbow: (100, 200) -> 42 (101, 201)", result.Output);
        Assert.Contains("Hello_reverse_string: \"Hello world\" -> \"dlrow olleH\"", result.Output);
        Assert.Contains("hello ran every call on its virtual CPU 'hello', one OS thread", result.Output);
        // What CAmkES's simulate test waits for.
        Assert.Contains("Goodbye: bye", result.Output);
    }

    [Fact]
    public void CakemlTipc_passes_the_payload_round_its_virtqueue_ring_through_a_unicore_filter_in_camkes_order()
    {
        var result = ExampleWorkspace.RunBuilt("CakemlTipc");

        Assert.True(result.ExitCode == 0, result.Output);
        var received = result.Output.Split('\n').Select(line => line.Trim()).Where(line => line.Contains("recieved payload value")).ToList();

        // Every hop in order: client (v mod 4) gets v, for v = 1 .. 20, four passes through the filter.
        Assert.Equal(Enumerable.Range(1, 20).Select(v => $"Client {v % 4} recieved payload value: {v}"), received);
        Assert.Equal(5, result.Output.Split('\n').Count(line => line.Trim() == "CakeMLFilter forwarding message"));
        // What CAmkES's simulate test waits for.
        Assert.Contains("Client 0 recieved payload value: 20", result.Output);
    }

    [Fact]
    public void TracedCalls_runs_the_connector_its_project_adds_by_a_catalog_entry_and_templates()
    {
        // A real build: the package hands templates/**/connector.catalog to the generator.
        var result = ExampleWorkspace.RunBuilt("TracedCalls");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("client: 2 + 3 = 5", result.Output);
        foreach (var side in new[] { "client", "server" })
        {
            foreach (var call in new[] { "Calc.add", "Calc.reset" })
            {
                Assert.Contains($"traced: {side} {call} badge 0", result.Output);
                Assert.Contains($"traced: {side} {call} badge 7", result.Output);
            }
        }
    }
}
