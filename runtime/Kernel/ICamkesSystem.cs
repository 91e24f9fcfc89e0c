using Microsoft.Extensions.DependencyInjection;

namespace UxRt.Camkes.Runtime.Kernel;

/// <summary>
/// What every generated system class (<c>XSystem</c>) is, so that hosting can name it as a type
/// argument: <c>builder.Services.AddCamkesSystem&lt;XSystem&gt;()</c>.
/// </summary>
public interface ICamkesSystem
{
    /// <summary>The system's name from its spec (the spec file's name).</summary>
    static abstract string SystemName { get; }

    /// <summary>The nodes the spec places instances on (<c>inst.node</c>); <c>"default"</c> for instances without one.</summary>
    static abstract IReadOnlyList<string> Nodes { get; }

    /// <summary>Builds the system (or <see cref="SystemContext.Node"/>'s part of it) without starting it.</summary>
    static abstract SystemKernel Create(SystemContext context);

    /// <summary>
    /// Registers what the system needs beyond the runtime when hosted: a system whose spec spans
    /// nodes adds the transport between them (UxRt.Camkes.Remote). Nothing by default.
    /// </summary>
    static virtual void AddSystemServices(IServiceCollection services)
    {
    }
}
