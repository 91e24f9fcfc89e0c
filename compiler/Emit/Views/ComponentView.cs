using System.Collections.Generic;

namespace UxRt.Camkes.Compiler.Emit.Views;

/// <summary>What the component base-class template needs to know.</summary>
internal sealed class ComponentView
{
    public string Namespace { get; set; } = string.Empty;

    public string SourceFile { get; set; } = string.Empty;

    public string AdlName { get; set; } = string.Empty;

    public string ClassName { get; set; } = string.Empty;

    public string BaseName { get; set; } = string.Empty;

    public bool IsControl { get; set; }

    public List<UsesView> Uses { get; set; } = new();

    public List<ProvidesView> Provides { get; set; } = new();
}

/// <summary>A <c>uses</c> port: a property the component calls through.</summary>
internal sealed class UsesView
{
    public string AdlName { get; set; } = string.Empty;

    public string Property { get; set; } = string.Empty;

    public string Field { get; set; } = string.Empty;

    public string InterfaceType { get; set; } = string.Empty;

    public bool IsOptional { get; set; }

    public string ConnectMethod { get; set; } = string.Empty;
}

/// <summary>A <c>provides</c> port: abstract methods the user implements, and an adapter that exposes them.</summary>
internal sealed class ProvidesView
{
    public string AdlName { get; set; } = string.Empty;

    public string ProcedureName { get; set; } = string.Empty;

    public string InterfaceType { get; set; } = string.Empty;

    public string AdapterClass { get; set; } = string.Empty;

    public string AdapterProperty { get; set; } = string.Empty;

    public List<ProvidedMethodView> Methods { get; set; } = new();
}

internal sealed class ProvidedMethodView
{
    public string AdlName { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string ImplementationName { get; set; } = string.Empty;

    public string ReturnType { get; set; } = "void";

    public string ParameterList { get; set; } = string.Empty;

    public string ArgumentList { get; set; } = string.Empty;
}
