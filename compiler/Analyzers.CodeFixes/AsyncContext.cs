using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace UxRt.Camkes.Analyzers.CodeFixes;

/// <summary>
/// Whether an <c>await</c> may replace an expression where it stands. The fixes are offered only
/// inside an async method, local function or lambda: making a method async would change its
/// signature (overrides, interface members, callers), which a local fix cannot do safely.
/// </summary>
internal static class AsyncContext
{
    public static bool AllowsAwait(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax function:
                    return function.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case LocalFunctionStatementSyntax function:
                    return function.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case MethodDeclarationSyntax method:
                    return method.Modifiers.Any(SyntaxKind.AsyncKeyword);

                // Places where the language forbids await even in an async function.
                case LockStatementSyntax:
                case QueryExpressionSyntax:
                case CatchFilterClauseSyntax:
                case UnsafeStatementSyntax:
                    return false;

                // Accessors, constructors, operators, field initializers: never async.
                case MemberDeclarationSyntax:
                case AccessorDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }
}
