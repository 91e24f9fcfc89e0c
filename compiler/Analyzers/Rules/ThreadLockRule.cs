using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using UxRt.Camkes.Analyzers.FixHints;
using UxRt.Camkes.Analyzers.Symbols;

namespace UxRt.Camkes.Analyzers.Rules;

/// <summary>
/// UXRT1003: thread locks (<c>lock</c>, <c>Monitor</c>, <c>System.Threading.Lock</c>,
/// <c>ReaderWriterLockSlim</c>). A lightweight
/// thread that holds one and awaits lets another take the CPU and block on it for good; the
/// component's mutex is awaited instead. No fix: the lock's scope has to be rethought.
/// </summary>
internal sealed class ThreadLockRule : IInvocationRule
{
    private readonly KnownTypes _known;

    public ThreadLockRule(KnownTypes known) => _known = known;

    public Diagnostic? Inspect(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        var type = method.ContainingType;
        var blocks = type.Is(_known.Monitor)
            ? method.Name is "Enter" or "TryEnter" or "Wait"
            : (type.Is(_known.Lock) && method.Name is "Enter" or "EnterScope" or "TryEnter")
                || (type.Is(_known.ReaderWriterLockSlim) && IsReaderWriterEnter(method.Name));

        return blocks ? Report(call.Syntax.GetLocation(), method.TypeAndName()) : null;
    }

    // EnterReadLock, EnterUpgradeableReadLock, EnterWriteLock and their TryEnter… forms.
    private static bool IsReaderWriterEnter(string name) =>
        (name.StartsWith("Enter", System.StringComparison.Ordinal) || name.StartsWith("TryEnter", System.StringComparison.Ordinal))
        && name.EndsWith("Lock", System.StringComparison.Ordinal);

    public Diagnostic InspectLockStatement(ILockOperation statement)
    {
        // Only the `lock (x)` header, not the whole body.
        var location = statement.Syntax is LockStatementSyntax header
            ? Location.Create(header.SyntaxTree, TextSpan.FromBounds(header.LockKeyword.SpanStart, header.CloseParenToken.Span.End))
            : statement.Syntax.GetLocation();
        return Report(location, "The lock statement");
    }

    private static Diagnostic Report(Location location, string what) =>
        Diagnostic.Create(UnicoreDiagnosticDescriptors.ThreadLock, location, FixHint.None, what);
}
