using System.IO;
using System.Linq;
using UxRt.Camkes.Adl.Checking;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Resolution;
using UxRt.Camkes.Adl.Syntax;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl;

/// <summary>
/// The whole front end as one call: read (preprocess + parse, following imports) → resolve →
/// check. Shared by the source generator and the command-line tool. Never throws for bad input.
/// </summary>
public static class AdlFrontEnd
{
    public static FrontEndResult Compile(string rootPath, ISourceProvider sources, FrontEndOptions options)
    {
        var diagnostics = new DiagnosticBag();
        try
        {
            var loaded = new SpecificationLoader(sources, options, diagnostics).Load(rootPath);
            if (loaded is null)
            {
                return new FrontEndResult(null, diagnostics.ToSortedArray());
            }

            // After a syntax error the trees miss what the mistake hid; resolving them would report
            // names "not defined" far from the mistake, so the syntax errors are the whole answer.
            // So it is with a file left unread at a limit.
            if (diagnostics.Items.Any(d => d.Id == DiagnosticDescriptors.SyntaxError.Id || d.Id == DiagnosticDescriptors.LimitExceeded.Id))
            {
                return new FrontEndResult(null, diagnostics.ToSortedArray());
            }

            var symbols = SymbolTable.Build(loaded, diagnostics);
            if (symbols.Assemblies.Count == 0)
            {
                diagnostics.Report(DiagnosticDescriptors.NoAssembly, SourceLocation.StartOf(loaded.RootPath));
                return new FrontEndResult(null, diagnostics.ToSortedArray());
            }

            var builder = new ModelBuilder(symbols, diagnostics);
            var model = builder.Build(SystemNameOf(rootPath), loaded.RootPath);
            SystemChecker.Check(model, options.Connectors, diagnostics, builder.EndsOfBrokenConnections);

            // CAmkES's last check (stage 10); only worth saying when nothing else is wrong.
            if (!diagnostics.HasErrors && model.Instances.IsEmpty)
            {
                diagnostics.Report(DiagnosticDescriptors.NoInstances, symbols.Assemblies[0].Location);
            }

            return new FrontEndResult(diagnostics.HasErrors ? null : model, diagnostics.ToSortedArray()) { PartialModel = diagnostics.HasErrors ? model : null };
        }
        catch (System.Exception exception)
        {
            // A bug in the front end must still come out as a diagnostic, not as a crashed build.
            diagnostics.Report(DiagnosticDescriptors.InternalError, SourceLocation.StartOf(rootPath), exception.GetType().Name + ": " + exception.Message);
            return new FrontEndResult(null, diagnostics.ToSortedArray());
        }
    }

    /// <summary>
    /// True when a file holds an assembly and so describes a whole system (not just a library of
    /// types). Never throws, and is as bounded as <see cref="Compile"/>. A file too large to look
    /// at, or whose preprocessing outgrows a limit, counts as a system, so that <see cref="Compile"/>
    /// runs and reports it (ADL0040).
    /// </summary>
    public static bool DeclaresAssembly(string path, string text, ISourceProvider sources, FrontEndOptions options)
    {
        if (text.Length > FrontEndLimits.MaxFileChars)
        {
            return true;
        }

        try
        {
            // Preprocessed as Compile would, so an assembly from #include or a macro counts and one under #if 0 does not.
            var preprocessed = Parsing.Preprocessor.Run(path, text, sources, options, new DiagnosticBag());
            if (preprocessed.StoppedAtLimit)
            {
                return true;
            }

            var (syntax, _) = Parsing.AdlParser.Parse(path, preprocessed.Text, preprocessed.LineMap);
            return syntax.Definitions.OfType<AssemblySyntax>().Any();
        }
        catch (System.Exception)
        {
            // Never let a quick look break the build; Compile reports what is wrong with the file.
            return false;
        }
    }

    private static string SystemNameOf(string rootPath) => Path.GetFileNameWithoutExtension(rootPath);
}
