using UxRt.Camkes.Adl;

namespace UxRt.Camkes.Compiler.Emit.Views;

/// <summary>What the component base-class template needs to know.</summary>
internal sealed record ComponentView
{
    /// <summary>The comment above it in the spec, one XML-escaped line each, for its doc comment; empty without one.</summary>
    public EquatableArray<string> Doc { get; init; } = EquatableArray<string>.Empty;

    public string Namespace { get; init; } = string.Empty;

    public string SourceFile { get; init; } = string.Empty;

    public string AdlName { get; init; } = string.Empty;

    public string ClassName { get; init; } = string.Empty;

    public string BaseName { get; init; } = string.Empty;

    public bool IsControl { get; init; }

    /// <summary>The instances' threading is unicore: the class runs on one virtual CPU, with awaitable ends and handlers.</summary>
    public bool IsUnicore { get; init; }

    public EquatableArray<UsesView> Uses { get; init; } = EquatableArray<UsesView>.Empty;

    public EquatableArray<ProvidesView> Provides { get; init; } = EquatableArray<ProvidesView>.Empty;

    /// <summary>Events, dataports and <c>has</c> items: kernel objects the wiring hands to the instance.</summary>
    public EquatableArray<KernelPortView> KernelPorts { get; init; } = EquatableArray<KernelPortView>.Empty;

    /// <summary>The fields of its <c>uses UxrtFile</c> ends, for its namespace of granted transport paths; empty when it has none.</summary>
    public string TransportClients { get; init; } = string.Empty;

    /// <summary>Every <c>attribute</c>: a read-only property holding the instance's configured value.</summary>
    public EquatableArray<AttributeView> Attributes { get; init; } = EquatableArray<AttributeView>.Empty;

    /// <summary>The component provides an interface, so its handlers can ask for the caller's badge.</summary>
    public bool HasProvides { get; init; }
}

/// <summary>An <c>emits</c>, <c>consumes</c>, <c>dataport</c> or <c>has</c> item: a runtime object the component uses directly.</summary>
internal sealed record KernelPortView
{
    /// <summary>
    /// <c>#line N "spec"</c> for the members only generated code uses (the field, the connect method),
    /// when they name a type the user declares, so a C# error about that type lands in the spec; empty otherwise.
    /// </summary>
    public string TypeLineDirective { get; init; } = string.Empty;

    public string AdlName { get; init; } = string.Empty;

    /// <summary>The declaration as written, for the property's documentation (e.g. <c>emits Ready ready</c>).</summary>
    public string Declaration { get; init; } = string.Empty;

    /// <summary>What the property is for, one sentence.</summary>
    public string Summary { get; init; } = string.Empty;

    public string Property { get; init; } = string.Empty;

    public string Field { get; init; } = string.Empty;

    /// <summary>The runtime type, fully qualified.</summary>
    public string Type { get; init; } = string.Empty;

    public string ConnectMethod { get; init; } = string.Empty;

    /// <summary>Declared <c>maybe</c>: the property is nullable.</summary>
    public bool IsOptional { get; init; }

    /// <summary><c>#line N "spec"</c>: an unknown dataport type is reported at the port in the spec.</summary>
    public string LineDirective { get; init; } = string.Empty;

    /// <summary>The value when nothing is connected (for <c>emits</c>); empty to throw instead.</summary>
    public string Fallback { get; init; } = string.Empty;
}

/// <summary>A <c>uses</c> port: a property the component calls through.</summary>
internal sealed record UsesView
{
    public string AdlName { get; init; } = string.Empty;

    public string Property { get; init; } = string.Empty;

    public string Field { get; init; } = string.Empty;

    public string InterfaceType { get; init; } = string.Empty;

    public bool IsOptional { get; init; }

    public string ConnectMethod { get; init; } = string.Empty;
}

/// <summary>A <c>provides</c> port: abstract methods the user implements, and an adapter that exposes them.</summary>
internal sealed record ProvidesView
{
    public string AdlName { get; init; } = string.Empty;

    public string ProcedureName { get; init; } = string.Empty;

    public string InterfaceType { get; init; } = string.Empty;

    public string AdapterClass { get; init; } = string.Empty;

    public string AdapterProperty { get; init; } = string.Empty;

    /// <summary>The private field caching the adapter.</summary>
    public string AdapterField { get; init; } = string.Empty;

    public EquatableArray<ProvidedMethodView> Methods { get; init; } = EquatableArray<ProvidedMethodView>.Empty;
}

internal sealed record ProvidedMethodView
{
    /// <summary>The comment above it in the spec, one XML-escaped line each, for its doc comment; empty without one.</summary>
    public EquatableArray<string> Doc { get; init; } = EquatableArray<string>.Empty;

    public string AdlName { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public string ImplementationName { get; init; } = string.Empty;

    public string ReturnType { get; init; } = "void";

    public string ParameterList { get; init; } = string.Empty;

    public string ArgumentList { get; init; } = string.Empty;

    /// <summary><c>#line N "spec"</c> for the method in its procedure.</summary>
    public string LineDirective { get; init; } = string.Empty;
}

/// <summary>An <c>attribute</c>: a typed, read-only property set from the instance's configuration.</summary>
internal sealed record AttributeView
{
    /// <summary>
    /// <c>#line N "spec"</c> for the members only generated code uses (the field, the connect method),
    /// when they name a type the user declares, so a C# error about that type lands in the spec; empty otherwise.
    /// </summary>
    public string TypeLineDirective { get; init; } = string.Empty;

    /// <summary>The comment above it in the spec, one XML-escaped line each, for its doc comment; empty without one.</summary>
    public EquatableArray<string> Doc { get; init; } = EquatableArray<string>.Empty;

    public string AdlName { get; init; } = string.Empty;

    /// <summary>The declaration as written, for the property's documentation.</summary>
    public string Declaration { get; init; } = string.Empty;

    public string Property { get; init; } = string.Empty;

    public string Type { get; init; } = string.Empty;

    /// <summary><c>#line N "spec"</c>: a C# error about the type or value is reported at the attribute.</summary>
    public string LineDirective { get; init; } = string.Empty;

    /// <summary>The component type's default (or the type's empty value) as a C# expression.</summary>
    public string DefaultValue { get; init; } = string.Empty;
}
