namespace UxRt.Camkes.Compiler.Emit;

/// <summary>
/// The one thing the emitters need from a template engine, kept small so the engine can be
/// swapped without touching the emitters.
/// </summary>
internal interface ITemplateEngine
{
    /// <summary>Renders the template at <paramref name="templatePath"/> (relative to templates/) over <paramref name="model"/>.</summary>
    string Render(string templatePath, object model);
}
