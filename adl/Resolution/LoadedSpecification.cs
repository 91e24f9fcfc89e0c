using UxRt.Camkes.Adl.Syntax;

namespace UxRt.Camkes.Adl.Resolution;

/// <summary>The root file together with every file it imports, directly or not, in import order.</summary>
public sealed record LoadedSpecification(string RootPath, EquatableArray<SpecificationSyntax> Files);
