using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using UxRt.Camkes.Analyzers.Symbols;

namespace UxRt.Camkes.Analyzers.Rules;

/// <summary>
/// UXRT1006: synchronous stream, reader, writer, console input and file I/O. Console printing never reaches this
/// rule (see <see cref="ConsolePrinting"/>), and neither does
/// in-memory I/O (see <see cref="InMemoryIo"/>).
/// </summary>
internal sealed class SynchronousIoRule : IInvocationRule
{
    private const string AsynchronousApi = "the asynchronous API";

    private readonly KnownTypes _known;
    private readonly AsyncTwins _twins;

    public SynchronousIoRule(KnownTypes known, AsyncTwins twins)
    {
        _known = known;
        _twins = twins;
    }

    public Diagnostic? Inspect(IInvocationOperation call)
    {
        if (!IsSynchronousIo(call.TargetMethod))
        {
            return null;
        }

        var twin = TwinSuggestion.For(call, _twins, AsynchronousApi);
        return Diagnostic.Create(
            UnicoreDiagnosticDescriptors.SynchronousIo, call.Syntax.GetLocation(), twin.Fix, call.TargetMethod.TypeAndName(), twin.Instead);
    }

    private bool IsSynchronousIo(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (method.IsStatic)
        {
            // Console.ReadLine waits for a person at a keyboard (printing is allowed, see ConsolePrinting).
            if (type.Is(_known.Console))
            {
                return method.Name is "Read" or "ReadLine" or "ReadKey";
            }

            return type.Is(_known.File)
                && method.Name is "ReadAllText" or "ReadAllBytes" or "ReadAllLines"
                    or "WriteAllText" or "WriteAllBytes" or "WriteAllLines" or "AppendAllText";
        }

        return (type.IsOrDerivesFrom(_known.Stream) && method.Name is "Read" or "Write" or "Flush" or "CopyTo")
            || (type.IsOrDerivesFrom(_known.TextReader) && method.Name is "Read" or "ReadLine" or "ReadToEnd")
            || (type.IsOrDerivesFrom(_known.TextWriter) && method.Name is "Write" or "WriteLine" or "Flush");
    }
}
