using System.Text;
using UxRt.Camkes.Adl;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Fuzz;

/// <summary>
/// One input is one spec, at a fixed path in memory (so <c>#include "spec.camkes"</c> names itself);
/// the built-in library resolves as usual. An internal error, an unpositioned diagnostic or an
/// over-long message throws, which afl records as a crash; a hang is afl's timeout.
/// </summary>
internal static class FrontEndTarget
{
    private const string SpecPath = "/fuzz/spec.camkes";

    public static void Run(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        var sources = new InMemorySourceProvider().Add(SpecPath, text);
        var result = AdlFrontEnd.Compile(SpecPath, sources, FrontEndOptions.Default);
        AdlFrontEnd.DeclaresAssembly(SpecPath, text, sources, FrontEndOptions.Default);
        foreach (var diagnostic in result.Diagnostics)
        {
            if (diagnostic.Id == "ADL0999" || diagnostic.Location.Line < 1 || diagnostic.Location.Column < 1 || diagnostic.Message.Length > 1100)
            {
                throw new InvalidOperationException("front end broke its contract: " + diagnostic);
            }
        }

        if (result.HasErrors && result.Model is not null)
        {
            throw new InvalidOperationException("a model despite errors");
        }
    }
}
