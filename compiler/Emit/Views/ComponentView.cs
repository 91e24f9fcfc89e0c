using System.Collections.Generic;

namespace UxRt.Camkes.Compiler.Emit.Views;

/// <summary>What the component base-class template needs to know.</summary>
internal sealed class ComponentView
{
    /// <summary>The comment above it in the spec, one XML-escaped line each, for its doc comment; empty without one.</summary>
    public List<string> Doc { get; set; } = new();

    public string Namespace { get; set; } = string.Empty;

    public string SourceFile { get; set; } = string.Empty;

    public string AdlName { get; set; } = string.Empty;

    public string ClassName { get; set; } = string.Empty;

    public string BaseName { get; set; } = string.Empty;

    public bool IsControl { get; set; }

    /// <summary>The instances' threading is unicore: the class runs on one virtual CPU, with awaitable ends and handlers.</summary>
    public bool IsUnicore { get; set; }

    public List<UsesView> Uses { get; set; } = new();

    public List<ProvidesView> Provides { get; set; } = new();

    /// <summary>Events, dataports and <c>has</c> items: kernel objects the wiring hands to the instance.</summary>
    public List<KernelPortView> KernelPorts { get; set; } = new();

    /// <summary>The fields of its <c>uses UxrtFile</c> ends, for its namespace of granted transport paths; empty when it has none.</summary>
    public string TransportClients { get; set; } = string.Empty;

    /// <summary>Every <c>attribute</c>: a read-only property holding the instance's configured value.</summary>
    public List<AttributeView> Attributes { get; set; } = new();

    /// <summary>The component provides an interface, so its handlers can ask for the caller's badge.</summary>
    public bool HasProvides { get; set; }
}

/// <summary>An <c>emits</c>, <c>consumes</c>, <c>dataport</c> or <c>has</c> item: a runtime object the component uses directly.</summary>
internal sealed class KernelPortView
{
    public string AdlName { get; set; } = string.Empty;

    /// <summary>The declaration as written, for the property's documentation (e.g. <c>emits Ready ready</c>).</summary>
    public string Declaration { get; set; } = string.Empty;

    /// <summary>What the property is for, one sentence.</summary>
    public string Summary { get; set; } = string.Empty;

    public string Property { get; set; } = string.Empty;

    public string Field { get; set; } = string.Empty;

    /// <summary>The runtime type, fully qualified.</summary>
    public string Type { get; set; } = string.Empty;

    public string ConnectMethod { get; set; } = string.Empty;

    /// <summary>Declared <c>maybe</c>: the property is nullable.</summary>
    public bool IsOptional { get; set; }

    /// <summary><c>#line N "spec"</c>: an unknown dataport type is reported at the port in the spec.</summary>
    public string LineDirective { get; set; } = string.Empty;

    /// <summary>The value when nothing is connected (for <c>emits</c>); empty to throw instead.</summary>
    public string Fallback { get; set; } = string.Empty;
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

    /// <summary>The private field caching the adapter.</summary>
    public string AdapterField { get; set; } = string.Empty;

    public List<ProvidedMethodView> Methods { get; set; } = new();
}

internal sealed class ProvidedMethodView
{
    /// <summary>The comment above it in the spec, one XML-escaped line each, for its doc comment; empty without one.</summary>
    public List<string> Doc { get; set; } = new();

    public string AdlName { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string ImplementationName { get; set; } = string.Empty;

    public string ReturnType { get; set; } = "void";

    public string ParameterList { get; set; } = string.Empty;

    public string ArgumentList { get; set; } = string.Empty;

    /// <summary><c>#line N "spec"</c> for the method in its procedure.</summary>
    public string LineDirective { get; set; } = string.Empty;
}

/// <summary>An <c>attribute</c>: a typed, read-only property set from the instance's configuration.</summary>
internal sealed class AttributeView
{
    /// <summary>The comment above it in the spec, one XML-escaped line each, for its doc comment; empty without one.</summary>
    public List<string> Doc { get; set; } = new();

    public string AdlName { get; set; } = string.Empty;

    /// <summary>The declaration as written, for the property's documentation.</summary>
    public string Declaration { get; set; } = string.Empty;

    public string Property { get; set; } = string.Empty;

    public string Type { get; set; } = string.Empty;

    /// <summary><c>#line N "spec"</c>: a C# error about the type or value is reported at the attribute.</summary>
    public string LineDirective { get; set; } = string.Empty;

    /// <summary>The component type's default (or the type's empty value) as a C# expression.</summary>
    public string DefaultValue { get; set; } = string.Empty;
}
