namespace UxRt.Camkes.Compiler.Emit.Views;

/// <summary>
/// The version of the view models that templates are rendered over (docs/templates.md). A user's
/// template that replaces a built-in one depends on their members, so it can say which version it
/// was written for (<c>{{require-model 1}}</c>) and a generator with another version reports it
/// there (ADL0302) instead of generating something else. Raise it whenever a member is removed,
/// renamed or changes meaning; adding one does not break a template and keeps the version.
/// </summary>
internal static class TemplateModel
{
    public const int Version = 1;
}
