using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace UxRt.Camkes.Analyzers.FixHints;

/// <summary>
/// Syntax shapes that the code fixes can rewrite without guessing: a plain or dotted call or member
/// access, not part of a <c>?.</c> chain (awaiting half of a conditional access does not compile).
/// </summary>
internal static class CallShape
{
    /// <summary><c>M(…)</c> or <c>x.M(…)</c>, where M can be renamed.</summary>
    public static bool IsRenamableCall(SyntaxNode node) =>
        node is InvocationExpressionSyntax invocation
        && invocation.Expression is IdentifierNameSyntax or MemberAccessExpressionSyntax { Name: IdentifierNameSyntax }
        && !IsInsideConditionalAccess(node);

    /// <summary><c>x.M(…)</c>.</summary>
    public static bool IsMemberCall(SyntaxNode node) =>
        node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax }
        && !IsInsideConditionalAccess(node);

    /// <summary><c>x.M(…)</c> with no arguments.</summary>
    public static bool IsParameterlessMemberCall(SyntaxNode node) =>
        node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax, ArgumentList.Arguments.Count: 0 }
        && !IsInsideConditionalAccess(node);

    /// <summary><c>x.P</c>.</summary>
    public static bool IsMemberAccess(SyntaxNode node) =>
        node is MemberAccessExpressionSyntax && !IsInsideConditionalAccess(node);

    /// <summary><c>x.GetAwaiter().GetResult()</c>.</summary>
    public static bool IsGetAwaiterGetResult(SyntaxNode node) =>
        IsParameterlessMemberCall(node)
        && node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: { } awaiter } }
        && IsParameterlessMemberCall(awaiter);

    private static bool IsInsideConditionalAccess(SyntaxNode node)
    {
        for (var current = node; current.Parent is ExpressionSyntax parent; current = parent)
        {
            if (parent is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull == current)
            {
                return true;
            }
        }

        return false;
    }
}
