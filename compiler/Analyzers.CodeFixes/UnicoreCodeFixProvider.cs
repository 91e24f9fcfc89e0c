using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using UxRt.Camkes.Analyzers.FixHints;

namespace UxRt.Camkes.Analyzers.CodeFixes;

/// <summary>
/// Offers the awaitable alternative for the unicore rules that have one. What to rewrite comes from
/// the diagnostic's properties (see <see cref="FixHint"/>); a diagnostic without them has no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnicoreCodeFixProvider)), Shared]
public sealed class UnicoreCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        UnicoreDiagnosticDescriptors.ThreadSleep.Id,
        UnicoreDiagnosticDescriptors.BlockingOnTask.Id,
        UnicoreDiagnosticDescriptors.BlockingWait.Id,
        UnicoreDiagnosticDescriptors.SynchronousTwin.Id,
        UnicoreDiagnosticDescriptors.SynchronousIo.Id,
        UnicoreDiagnosticDescriptors.ConfigureAwaitFalse.Id,
        UnicoreDiagnosticDescriptors.CallbackOffCpu.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!FixHint.TryRead(diagnostic.Properties, out var kind, out var asyncName)
                || FindReportedNode(root, diagnostic) is not { } node
                || (UnicoreFixRewrites.Awaits(kind) && !AsyncContext.AllowsAwait(node))
                || UnicoreFixRewrites.Rewrite(node, kind, asyncName) is not { } replacement)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    Title(kind, asyncName),
                    cancellation => ReplaceAsync(document, node, replacement, cancellation),
                    equivalenceKey: "UxRt." + kind),
                diagnostic);
        }
    }

    // The diagnostic spans exactly the call or member access; an argument around it may share that
    // span, so take the innermost expression that does.
    private static SyntaxNode? FindReportedNode(SyntaxNode root, Diagnostic diagnostic)
    {
        var span = diagnostic.Location.SourceSpan;
        if (!root.FullSpan.Contains(span))
        {
            return null;
        }

        return root.FindNode(span, getInnermostNodeForTie: true)
            .AncestorsAndSelf()
            .FirstOrDefault(node => node.Span == span && node is ExpressionSyntax);
    }

    private static async Task<Document> ReplaceAsync(Document document, SyntaxNode node, SyntaxNode replacement, CancellationToken cancellation)
    {
        var root = await document.GetSyntaxRootAsync(cancellation).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(node, replacement));
    }

    private static string Title(FixKind kind, string? asyncName) => kind switch
    {
        FixKind.AwaitDelay => "Use 'await Task.Delay'",
        FixKind.AwaitTask => "Await the task",
        FixKind.AwaitAsyncTwin => $"Use 'await {asyncName}'",
        FixKind.RemoveConfigureAwait => "Remove ConfigureAwait(false)",
        FixKind.RegisterOnContext => "Run the callback on the virtual CPU (useSynchronizationContext: true)",
        FixKind.StartTimer => "Use the component's StartTimer, which ticks on the virtual CPU",
        _ => kind.ToString(),
    };
}
