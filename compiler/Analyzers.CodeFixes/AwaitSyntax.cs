using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace UxRt.Camkes.Analyzers.CodeFixes;

/// <summary>Builds <c>await operand</c> to stand where <c>original</c> stood.</summary>
internal static class AwaitSyntax
{
    public static ExpressionSyntax Replacing(SyntaxNode original, ExpressionSyntax operand)
    {
        ExpressionSyntax awaited = SyntaxFactory.AwaitExpression(
            SyntaxFactory.Token(SyntaxKind.AwaitKeyword).WithTrailingTrivia(SyntaxFactory.Space),
            operand.WithoutTrivia());

        if (IsPrimaryPosition(original))
        {
            awaited = SyntaxFactory.ParenthesizedExpression(awaited);
        }

        return awaited.WithTriviaFrom(original);
    }

    // `await x` is a unary expression: where a primary expression stands (x.M, x(), x[i], x?.M, x++,
    // x!) it needs parentheses, or the await would apply to the whole chain.
    private static bool IsPrimaryPosition(SyntaxNode node) => node.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Expression == node,
        ConditionalAccessExpressionSyntax access => access.Expression == node,
        ElementAccessExpressionSyntax access => access.Expression == node,
        InvocationExpressionSyntax invocation => invocation.Expression == node,
        PostfixUnaryExpressionSyntax => true,
        _ => false,
    };
}
