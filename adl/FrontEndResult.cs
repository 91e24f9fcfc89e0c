using System.Linq;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Model;

namespace UxRt.Camkes.Adl;

/// <summary>
/// The outcome of compiling one specification: the model when there were no errors, and every
/// diagnostic found on the way (warnings also accompany a model).
/// </summary>
public sealed record FrontEndResult(SystemModel? Model, EquatableArray<AdlDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>With errors, the model as far as it could be built, so that the parts no error touches can still be generated.</summary>
    public SystemModel? PartialModel { get; init; }
}
