using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Diagnostics;

/// <summary>Collects diagnostics while a stage runs, so every problem is reported in one pass.</summary>
public sealed class DiagnosticBag
{
    private readonly List<AdlDiagnostic> _items = new();

    public bool HasErrors => _items.Any(d => d.IsError);

    public IReadOnlyList<AdlDiagnostic> Items => _items;

    public void Report(DiagnosticDescriptor descriptor, SourceLocation location, params object[] arguments) =>
        _items.Add(AdlDiagnostic.Create(descriptor, location, arguments));

    /// <summary>Reports a file that was found but refused, at the place that names it.</summary>
    public void ReportRefused(UnreadableSourceException refusal, SourceLocation location) =>
        Report(refusal.TooLarge ? DiagnosticDescriptors.LimitExceeded : DiagnosticDescriptors.NotARegularFile, location, refusal.Message);

    public void AddRange(IEnumerable<AdlDiagnostic> diagnostics) => _items.AddRange(diagnostics);

    public EquatableArray<AdlDiagnostic> ToSortedArray() =>
        _items
            .Distinct()
            .OrderBy(d => d.Location.FilePath, System.StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ToEquatableArray();
}
