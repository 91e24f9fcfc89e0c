using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Syntax;

/// <summary>The syntax tree of one file, exactly as written (nothing resolved yet).</summary>
public sealed record SpecificationSyntax(string FilePath, EquatableArray<DefinitionSyntax> Definitions);

/// <summary>A top-level item of a file.</summary>
public abstract record DefinitionSyntax(SourceLocation Location);

/// <summary><c>import "file";</c> (relative to the importing file) or <c>import &lt;file&gt;;</c> (searched).</summary>
public sealed record ImportSyntax(SourceLocation Location, string Path, bool IsSearched) : DefinitionSyntax(Location);

/// <summary><c>include "header.h";</c>: a C header the glue would include; recorded, not read.</summary>
public sealed record IncludeSyntax(SourceLocation Location, string Path, bool IsSearched) : DefinitionSyntax(Location);
