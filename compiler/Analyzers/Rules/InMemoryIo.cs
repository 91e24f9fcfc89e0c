using Microsoft.CodeAnalysis.Operations;
using UxRt.Camkes.Analyzers.Symbols;

namespace UxRt.Camkes.Analyzers.Rules;

/// <summary>
/// I/O on <c>MemoryStream</c>, <c>StringReader</c> and <c>StringWriter</c> only copies memory and
/// never waits, so no rule reports it (their …Async twins would only add overhead).
/// </summary>
internal static class InMemoryIo
{
    public static bool IsInMemoryIo(IInvocationOperation call, KnownTypes known)
    {
        // The receiver's type, not the method's: memory.Write(…) binds to Stream.Write on a MemoryStream.
        var type = call.Instance?.Type;
        return type is not null
            && (type.IsOrDerivesFrom(known.MemoryStream) || type.IsOrDerivesFrom(known.StringReader) || type.IsOrDerivesFrom(known.StringWriter));
    }
}
