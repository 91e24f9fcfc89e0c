namespace UxRt.Camkes.Compiler.Emit;

/// <summary>
/// The one thing the emitters need from a template engine, kept small so the engine can be
/// swapped without touching the emitters.
/// </summary>
internal interface ITemplateEngine
{
    /// <summary>Renders the template at <paramref name="templatePath"/> (relative to templates/) over <paramref name="model"/>.</summary>
    /// <exception cref="TemplateError">The template does not compile or render.</exception>
    string Render(string templatePath, object model);

    /// <summary>Whether a template exists at <paramref name="templatePath"/> (built in, or one of the user's).</summary>
    bool Has(string templatePath);
}
