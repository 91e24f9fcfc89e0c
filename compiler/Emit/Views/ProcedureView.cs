using UxRt.Camkes.Adl;

namespace UxRt.Camkes.Compiler.Emit.Views;

/// <summary>What the procedure templates (interface, call frame, RPC ends) need to know.</summary>
internal sealed record ProcedureView
{
    /// <summary>The comment above it in the spec, one XML-escaped line each, for its doc comment; empty without one.</summary>
    public EquatableArray<string> Doc { get; init; } = EquatableArray<string>.Empty;

    public string Namespace { get; init; } = string.Empty;

    public string SourceFile { get; init; } = string.Empty;

    public string AdlName { get; init; } = string.Empty;

    public string InterfaceName { get; init; } = string.Empty;

    public string FrameName { get; init; } = string.Empty;

    public string ClientName { get; init; } = string.Empty;

    public string ServerName { get; init; } = string.Empty;

    /// <summary>The seL4RPCDataport client, which marshals arguments through a shared buffer.</summary>
    public string DataportClientName { get; init; } = string.Empty;

    public string DataportServerName { get; init; } = string.Empty;

    /// <summary>The awaitable form of the procedure, used by unicore components (e.g. <c>IGreeterAsync</c>).</summary>
    public string AsyncInterfaceName { get; init; } = string.Empty;

    /// <summary>The client ends a unicore caller gets: they await the reply instead of blocking.</summary>
    public string AsyncClientName { get; init; } = string.Empty;

    public string DataportAsyncClientName { get; init; } = string.Empty;

    /// <summary>The server ends of a unicore server: its handlers may await.</summary>
    public string AsyncServerName { get; init; } = string.Empty;

    public string DataportAsyncServerName { get; init; } = string.Empty;

    public EquatableArray<MethodView> Methods { get; init; } = EquatableArray<MethodView>.Empty;

    /// <summary>Set for the glue of a unicore end (the <c>-async</c> templates): one skeleton per end prints either form.</summary>
    public bool IsAwaitable { get; init; }

    /// <summary>Some connection of the procedure has a <c>buffer</c>: its call-frame client checks each call against a CallBuffer.</summary>
    public bool BufferLimited { get; init; }
}

internal sealed record MethodView
{
    /// <summary>The comment above it in the spec, one XML-escaped line each, for its doc comment; empty without one.</summary>
    public EquatableArray<string> Doc { get; init; } = EquatableArray<string>.Empty;

    public int Index { get; init; }

    public string AdlName { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public string ReturnType { get; init; } = "void";

    public bool IsVoid { get; init; }

    /// <summary><c>#line N "spec"</c>: C# errors in the declarations that follow point at the method in the spec.</summary>
    public string LineDirective { get; init; } = string.Empty;

    /// <summary>The declaration's parameter list, e.g. <c>string message, out int count</c>.</summary>
    public string ParameterList { get; init; } = string.Empty;

    /// <summary>The arguments passed on, e.g. <c>message, out count</c>.</summary>
    public string ArgumentList { get; init; } = string.Empty;

    /// <summary>The arguments read from a call frame by the server, e.g. <c>call.SayMessage, out call.SayCount</c>.</summary>
    public string FrameArgumentList { get; init; } = string.Empty;

    public string ResultField { get; init; } = string.Empty;

    /// <summary>The client's copy of the result: the frame's result field, or its <c>Copied()</c> when the result struct holds arrays.</summary>
    public string ResultCopy { get; init; } = string.Empty;

    /// <summary>The handler call of a seL4RPCDataport server, over locals named like the parameters.</summary>
    public string LocalArgumentList { get; init; } = string.Empty;

    /// <summary>The message-buffer methods that write and read the result (e.g. <c>Write&lt;int&gt;</c>, <c>Read&lt;int&gt;</c>).</summary>
    public string ResultWriteCall { get; init; } = string.Empty;

    public string ResultReadCall { get; init; } = string.Empty;

    public EquatableArray<ParameterView> Parameters { get; init; } = EquatableArray<ParameterView>.Empty;

    /// <summary>Parameters whose value travels to the server (in, inout, refin).</summary>
    public EquatableArray<ParameterView> Inputs { get; init; } = EquatableArray<ParameterView>.Empty;

    /// <summary>Parameters whose value travels back (out, inout).</summary>
    public EquatableArray<ParameterView> Outputs { get; init; } = EquatableArray<ParameterView>.Empty;

    public EquatableArray<FieldView> Fields { get; init; } = EquatableArray<FieldView>.Empty;

    /// <summary>The awaitable form returns a value (the result, or the result type): it returns the endpoint's awaited reply, which reads it out of the frame, instead of being an async method.</summary>
    public bool AwaitsResult { get; init; }

    /// <summary>Every parameter only travels in and nothing is copied: a client on the server's thread may call the implementation with its own arguments.</summary>
    public bool CallsStraightThrough { get; init; }

    /// <summary>The awaitable form's name, e.g. <c>GreetAsync</c>.</summary>
    public string AsyncName { get; init; } = string.Empty;

    /// <summary><c>ValueTask</c>, <c>ValueTask&lt;T&gt;</c>, or <c>ValueTask&lt;ResultType&gt;</c> when results come back through out/inout parameters.</summary>
    public string AsyncReturnType { get; init; } = string.Empty;

    /// <summary>The pooling builder for the awaitable client method, so steady-state awaited calls do not allocate.</summary>
    public string AsyncMethodBuilder { get; init; } = string.Empty;

    /// <summary>The awaitable form's parameters: only what travels to the server (async methods cannot have out or ref).</summary>
    public string AsyncParameterList { get; init; } = string.Empty;

    public string AsyncArgumentList { get; init; } = string.Empty;

    /// <summary>The server's awaitable handler call over a call frame's input fields.</summary>
    public string AsyncFrameArgumentList { get; init; } = string.Empty;

    /// <summary>The result record struct when out/inout values come back (e.g. <c>GreeterGreetResult</c>); empty otherwise.</summary>
    public string ResultTypeName { get; init; } = string.Empty;

    public bool HasResultType => ResultTypeName.Length > 0;

    /// <summary>The result type's members, the return value first.</summary>
    public EquatableArray<ResultMemberView> ResultMembers { get; init; } = EquatableArray<ResultMemberView>.Empty;

    /// <summary>The result type's members that carry out/inout parameters, in parameter order.</summary>
    public EquatableArray<ResultMemberView> OutputMembers { get; init; } = EquatableArray<ResultMemberView>.Empty;

    /// <summary>The result type's member holding the return value, when the method has one.</summary>
    public string ReturnMemberName { get; init; } = string.Empty;

    /// <summary>The result type's constructor arguments, e.g. <c>returnValue, length</c>.</summary>
    public string ResultConstructorArguments { get; init; } = string.Empty;
}

/// <summary>One value of an awaitable method's result type: the return value or an out/inout parameter.</summary>
internal sealed record ResultMemberView
{
    /// <summary>The member's name in the result type (PascalCase).</summary>
    public string Name { get; init; } = string.Empty;

    public string Type { get; init; } = string.Empty;

    /// <summary>The call-frame field that carries it.</summary>
    public string FrameField { get; init; } = string.Empty;

    /// <summary>The client's expression for it after the reply: the frame field, copied out when it is an array.</summary>
    public string Value { get; init; } = string.Empty;

    /// <summary>A local variable name for it in generated code.</summary>
    public string Local { get; init; } = string.Empty;

    public string ReadCall { get; init; } = string.Empty;

    public string WriteCall { get; init; } = string.Empty;
}

internal sealed record ParameterView
{
    public string Name { get; init; } = string.Empty;

    public string Type { get; init; } = string.Empty;

    public string FieldName { get; init; } = string.Empty;

    /// <summary>The message-buffer method that writes this parameter (e.g. <c>WriteString</c>).</summary>
    public string WriteCall { get; init; } = string.Empty;

    public string ReadCall { get; init; } = string.Empty;

    /// <summary>What the client stores in the frame: the argument, or for an array a copy in the frame's own buffer.</summary>
    public string CopyIn { get; init; } = string.Empty;

    /// <summary>What the client hands back after the reply: the frame field, or for an array a copy the caller owns.</summary>
    public string CopyOut { get; init; } = string.Empty;

    /// <summary>What an awaiting client gets back for an out/inout argument: a copy of the frame's value in memory of its own (it has no array of its own to copy into).</summary>
    public string ResultCopy { get; init; } = string.Empty;

    /// <summary>The frame's reusable buffer for an array argument; empty for other parameters.</summary>
    public string BufferField { get; init; } = string.Empty;

    /// <summary>An <c>out</c> parameter, which C# requires a method to assign even when it returns early.</summary>
    public bool IsOut { get; init; }
}

/// <summary>A field of a generated class, with its initialiser when nullable analysis needs one.</summary>
internal sealed record FieldView
{
    public string Name { get; init; } = string.Empty;

    public string Type { get; init; } = string.Empty;

    public string Initializer { get; init; } = string.Empty;
}
