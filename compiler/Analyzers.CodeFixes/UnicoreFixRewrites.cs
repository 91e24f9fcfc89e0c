using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using UxRt.Camkes.Analyzers.FixHints;

namespace UxRt.Camkes.Analyzers.CodeFixes;

/// <summary>
/// The syntax rewrite behind each <see cref="FixKind"/>. The analyzer has already checked that the
/// rewrite keeps the meaning and that the node has the expected shape; a node of any other shape
/// gets no rewrite (null).
/// </summary>
internal static class UnicoreFixRewrites
{
    public static ExpressionSyntax? Rewrite(SyntaxNode node, FixKind kind, string? asyncName) => kind switch
    {
        FixKind.AwaitDelay => AwaitDelay(node),
        FixKind.AwaitTask => AwaitTask(node),
        FixKind.AwaitAsyncTwin when asyncName is not null => AwaitAsyncTwin(node, asyncName),
        FixKind.RemoveConfigureAwait => RemoveConfigureAwait(node),
        FixKind.RegisterOnContext => RegisterOnContext(node),
        FixKind.StartTimer => StartTimer(node),
        _ => null,
    };

    /// <summary>Whether the rewrite introduces an <c>await</c> (and so needs an async context).</summary>
    public static bool Awaits(FixKind kind) => kind is FixKind.AwaitDelay or FixKind.AwaitTask or FixKind.AwaitAsyncTwin;

    // token.Register(cb[, state]) → token.Register(cb[, state], useSynchronizationContext: true)
    private static ExpressionSyntax? RegisterOnContext(SyntaxNode node)
    {
        if (node is not InvocationExpressionSyntax register)
        {
            return null;
        }

        var onContext = SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression))
            .WithNameColon(SyntaxFactory.NameColon("useSynchronizationContext"));
        return register.WithArgumentList(register.ArgumentList.AddArguments(onContext));
    }

    // new Timer(callback, state, period, period) → StartTimer(period, () => callback(state)), or
    // StartTimer(period, () => body) for a lambda that ignores its state (see TimerRewrite).
    private static ExpressionSyntax? StartTimer(SyntaxNode node)
    {
        if (node is not BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 4 } arguments })
        {
            return null;
        }

        var callback = arguments[0].Expression;
        CSharpSyntaxNode? body = callback switch
        {
            SimpleLambdaExpressionSyntax lambda => lambda.Body,
            ParenthesizedLambdaExpressionSyntax lambda => lambda.Body,
            _ => SyntaxFactory.InvocationExpression(callback.WithoutTrivia(), SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(arguments[1].WithoutTrivia()))),
        };
        if (body is null)
        {
            return null;
        }

        var tick = SyntaxFactory.ParenthesizedLambdaExpression().WithBody(body);
        return SyntaxFactory.InvocationExpression(
                SyntaxFactory.IdentifierName("StartTimer"),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[] { arguments[3].WithoutTrivia(), SyntaxFactory.Argument(tick) })))
            .WithTriviaFrom(node)
            .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation);
    }

    // Thread.Sleep(x) → await Task.Delay(x); the name is written in full and simplified against the
    // file's usings, so it binds whatever the file imports.
    private static ExpressionSyntax? AwaitDelay(SyntaxNode node)
    {
        if (node is not InvocationExpressionSyntax sleep)
        {
            return null;
        }

        var delay = SyntaxFactory.ParseExpression("global::System.Threading.Tasks.Task.Delay")
            .WithAdditionalAnnotations(Simplifier.Annotation);
        return AwaitSyntax.Replacing(node, SyntaxFactory.InvocationExpression(delay, sleep.ArgumentList));
    }

    // t.Wait(), t.GetAwaiter().GetResult(), t.Result → await t
    private static ExpressionSyntax? AwaitTask(SyntaxNode node)
    {
        var task = node switch
        {
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax getAwaiter } } }
                when getAwaiter.Name.Identifier.ValueText == "GetAwaiter" => getAwaiter.Expression,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax wait } => wait.Expression,
            MemberAccessExpressionSyntax result => result.Expression,
            _ => null,
        };
        return task is null ? null : AwaitSyntax.Replacing(node, task);
    }

    // r.M(args) → await r.MAsync(args); M(args) → await MAsync(args)
    private static ExpressionSyntax? AwaitAsyncTwin(SyntaxNode node, string asyncName)
    {
        if (node is not InvocationExpressionSyntax call)
        {
            return null;
        }

        ExpressionSyntax? renamed = call.Expression switch
        {
            IdentifierNameSyntax name => Rename(name, asyncName),
            MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } access => access.WithName(Rename(name, asyncName)),
            _ => null,
        };
        return renamed is null ? null : AwaitSyntax.Replacing(node, call.WithExpression(renamed));
    }

    // t.ConfigureAwait(false) → t
    private static ExpressionSyntax? RemoveConfigureAwait(SyntaxNode node) =>
        node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
            ? access.Expression.WithTriviaFrom(node)
            : null;

    private static IdentifierNameSyntax Rename(IdentifierNameSyntax name, string newName) =>
        name.WithIdentifier(SyntaxFactory.Identifier(newName).WithTriviaFrom(name.Identifier));
}
