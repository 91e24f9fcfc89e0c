using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Resolution;
using UxRt.Camkes.Adl.Syntax;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Checking;

/// <summary>
/// Checks the <c>export inner.iface -> outer;</c> lines of each compound component once, at its
/// definition: the inner end exists and the outer interface is declared with the same kind
/// (ADL0024). An interface nothing exports is the compound's own, implemented by its code.
/// </summary>
internal sealed class ExportRules
{
    private readonly SymbolTable _symbols;
    private readonly SystemFlattener _flattener;
    private readonly DiagnosticBag _diagnostics;

    public ExportRules(SymbolTable symbols, SystemFlattener flattener, DiagnosticBag diagnostics)
    {
        _symbols = symbols;
        _flattener = flattener;
        _diagnostics = diagnostics;
    }

    public void Check()
    {
        foreach (var component in _symbols.Components.Values.Where(c => c.IsCompound))
        {
            CheckComponent(component);
        }
    }

    private void CheckComponent(ComponentSyntax component)
    {
        var compositions = _flattener.Compositions(component.Compositions, component.CompositionReferences).ToList();
        var inner = new Dictionary<string, InstanceSyntax>(System.StringComparer.Ordinal);
        foreach (var instance in compositions.SelectMany(c => c.Instances.Concat(c.Groups.SelectMany(g => g.Instances))))
        {
            inner[instance.Name] = instance;
            if (!_symbols.Components.ContainsKey(instance.ComponentType))
            {
                _diagnostics.Report(DiagnosticDescriptors.UnknownName, instance.Location, "component", instance.ComponentType);
            }
        }

        var exported = new Dictionary<string, SourceLocation>(System.StringComparer.Ordinal);
        foreach (var export in compositions.SelectMany(c => c.Exports))
        {
            if (exported.TryGetValue(export.OuterInterface, out var first))
            {
                _diagnostics.Report(DiagnosticDescriptors.DuplicateDefinition, export.Location, "export of interface", export.OuterInterface, first.DescribeFrom(export.Location));
                continue;
            }

            exported.Add(export.OuterInterface, export.Location);
            CheckExport(component, export, inner);
        }
    }

    private void CheckExport(ComponentSyntax component, ExportSyntax export, Dictionary<string, InstanceSyntax> inner)
    {
        var outer = component.Interfaces.FirstOrDefault(i => i.Name == export.OuterInterface);
        if (outer is null)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.InvalidExport,
                export.Location,
                $"component '{component.Name}' exports '{export.OuterInterface}' but declares no interface of that name");
        }

        if (export.InnerPath.Count != 2)
        {
            _diagnostics.Report(DiagnosticDescriptors.InvalidExport, export.Location, "an export names one inner instance and its interface: export instance.interface -> outer;");
            return;
        }

        var instanceName = export.InnerPath[0];
        var interfaceName = export.InnerPath[1];
        if (!inner.TryGetValue(instanceName, out var instance))
        {
            _diagnostics.Report(DiagnosticDescriptors.UnknownName, export.Location, "instance", instanceName);
            return;
        }

        if (!_symbols.Components.TryGetValue(instance.ComponentType, out var innerType))
        {
            return; // Reported at the instance.
        }

        var innerPort = innerType.Interfaces.FirstOrDefault(i => i.Name == interfaceName);
        if (innerPort is null)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnknownInterface, export.Location, instanceName, innerType.Name, interfaceName);
            return;
        }

        if (outer is not null && (outer.Kind != innerPort.Kind || outer.TypeName != innerPort.TypeName))
        {
            _diagnostics.Report(
                DiagnosticDescriptors.InvalidExport,
                export.Location,
                $"'{instanceName}.{interfaceName}' is {Describe(innerPort)} but '{export.OuterInterface}' of '{component.Name}' is {Describe(outer)}");
        }
    }

    private static string Describe(InterfaceSyntax port) => $"'{InterfaceKinds.Keyword(port.Kind)} {port.TypeName}'";
}
