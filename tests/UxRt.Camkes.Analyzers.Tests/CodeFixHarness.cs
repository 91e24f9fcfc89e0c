using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using UxRt.Camkes.Analyzers.CodeFixes;

namespace UxRt.Camkes.Analyzers.Tests;

/// <summary>
/// Applies <see cref="UnicoreCodeFixProvider"/> the way an IDE does: the component and its support
/// code as documents of a workspace project, the analyzer's diagnostic, the provider's code action,
/// and the action's operations applied to the workspace.
/// </summary>
internal static class CodeFixHarness
{
    /// <summary>
    /// The component's text after the one fix offered for the one diagnostic with this ID; the
    /// fixed code must still compile.
    /// </summary>
    public static async Task<string> ApplyAsync(string members, string diagnosticId)
    {
        using var workspace = new AdhocWorkspace();
        var document = CreateDocument(workspace, TestSources.Component(members));

        var action = Assert.Single(await FixesAsync(document, diagnosticId));
        foreach (var operation in await action.GetOperationsAsync(CancellationToken.None))
        {
            operation.Apply(workspace, CancellationToken.None);
        }

        var fixedDocument = workspace.CurrentSolution.GetDocument(document.Id)!;
        var errors = (await fixedDocument.Project.GetCompilationAsync())!.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .ToList();
        Assert.True(errors.Count == 0, "the fixed code does not compile:\n" + string.Join("\n", errors));
        return (await fixedDocument.GetTextAsync()).ToString();
    }

    /// <summary>The fixes offered for the one diagnostic with this ID.</summary>
    public static async Task<ImmutableArray<CodeAction>> FixesAsync(string members, string diagnosticId)
    {
        using var workspace = new AdhocWorkspace();
        return await FixesAsync(CreateDocument(workspace, TestSources.Component(members)), diagnosticId);
    }

    private static async Task<ImmutableArray<CodeAction>> FixesAsync(Document document, string diagnosticId)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var tree = (await document.GetSyntaxTreeAsync())!;
        var diagnostic = Assert.Single(
            await AnalyzerHarness.AnalyzeAsync(compilation),
            d => d.Id == diagnosticId && d.Location.SourceTree == tree);

        var actions = ImmutableArray.CreateBuilder<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new UnicoreCodeFixProvider().RegisterCodeFixesAsync(context);
        return actions.ToImmutable();
    }

    private static Document CreateDocument(AdhocWorkspace workspace, string component)
    {
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "Tests",
            "Tests",
            LanguageNames.CSharp,
            compilationOptions: AnalyzerHarness.CompilationOptions,
            parseOptions: AnalyzerHarness.ParseOptions,
            metadataReferences: AnalyzerHarness.References));
        workspace.AddDocument(project.Id, TestSources.SupportFileName, SourceText.From(TestSources.Support));
        return workspace.AddDocument(project.Id, TestSources.ComponentFileName, SourceText.From(component));
    }
}
