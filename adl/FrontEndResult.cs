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
}
