using UxRt.Camkes.Adl.Model;

namespace UxRt.Camkes.Adl.Tests;

/// <summary>
/// Specs written here for each way the front end used to differ from CAmkES (issue 9): each is
/// accepted, with exactly the warnings its `//! ADLnnnn` markers name, and means what CAmkES means.
/// </summary>
public sealed class ConformanceTests
{
    public static TheoryData<string> Specs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Corpus.Directory, "conformance"), "*.camkes").Order(StringComparer.Ordinal))
        {
            data.Add(Path.Combine("conformance", Path.GetFileName(file)));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void A_spec_CAmkES_accepts_is_accepted(string spec)
    {
        var result = Corpus.Compile(spec);

        var actual = result.Diagnostics
            .Select(d => $"{Path.GetFileName(d.Location.FilePath)}:{d.Location.Line} {d.Id}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(CorpusTests.ExpectedDiagnostics(spec), actual);
        Assert.NotNull(result.Model);
    }

    [Fact]
    public void A_string_keeps_its_line_breaks_and_backslashes()
    {
        var model = Corpus.Compile("conformance/1_multiline_string.camkes").Model!;

        var banner = model.Components.Single(c => c.Name == "C").Attributes.Single().DefaultValue;
        Assert.Equal(new StringValue("two\nlines"), banner);
        var spec = model.Connectors.Single(c => c.Name == "Spec").Attributes.Single().DefaultValue;
        Assert.StartsWith("\\<lparr>", ((StringValue)spec!).Value);
    }

    [Fact]
    public void A_compound_with_interfaces_of_its_own_is_an_instance_beside_its_inner_ones()
    {
        var model = Corpus.Compile("conformance/2_compound_own_interfaces.camkes").Model!;

        Assert.Equal(new[] { "dev", "dev.drv", "logger" }, model.Instances.Select(i => i.Name).Order());
        var device = model.Components.Single(c => c.Name == "Device");
        Assert.Equal(new[] { "command", "log" }, device.Interfaces.Select(i => i.Name).Order());
        var inner = model.Connections.Single(c => c.Name == "dev.command_link");
        Assert.Equal(new[] { ("dev.drv", "command"), ("dev", "command") }, inner.Ends.Select(e => (e.Instance, e.Interface)));
        Assert.Contains(model.Connections, c => c.Ends.Any(e => e is { Instance: "dev", Interface: "log" }));
        Assert.Contains(model.Settings, s => s is { Instance: "dev", Attribute: "depth", Value: IntegerValue { Value: 3 } });
    }

    [Fact]
    public void A_reference_falls_back_to_the_default_and_reads_undeclared_settings()
    {
        var model = Corpus.Compile("conformance/3_reference_fallback.camkes").Model!;

        ConfigValue? Setting(string instance, string attribute) =>
            model.Settings.SingleOrDefault(s => s.Instance == instance && s.Attribute == attribute)?.Value;
        Assert.Equal(11, ((IntegerValue)Setting("da.fo", "a")!).Value);   // through da.a <- da.eleven
        Assert.Equal(1, ((IntegerValue)Setting("da.fo", "b")!).Value);    // Baz's default for b
        Assert.Equal(5, ((IntegerValue)Setting("da.ba", "c")!).Value);    // nothing above: Bar's own default
        Assert.Null(Setting("da", "eleven"));                             // undeclared: warned, not generated
    }

    [Fact]
    public void A_group_qualified_end_names_the_grouped_instance()
    {
        var model = Corpus.Compile("conformance/4_group_names.camkes").Model!;

        var shared = model.Connections.Single(c => c.Name == "shared");
        Assert.Equal(new[] { "c0", "c1" }, shared.Ends.Select(e => e.Instance));
        var inner = model.Connections.Single(c => c.Name == "pair.pair_shared");
        Assert.Equal(new[] { "pair.a", "pair.b" }, inner.Ends.Select(e => e.Instance));
        Assert.All(model.Instances, i => Assert.Equal("foo", i.Group));   // the outer group wins
    }

    [Fact]
    public void Connections_sharing_an_end_become_one()
    {
        var model = Corpus.Compile("conformance/8_merged_connections.camkes").Model!;

        var merged = Assert.Single(model.Connections);
        Assert.Equal(new[] { "a.p", "s.p", "b.p" }, merged.Ends.Select(e => e.Instance + "." + e.Interface));
    }
}
