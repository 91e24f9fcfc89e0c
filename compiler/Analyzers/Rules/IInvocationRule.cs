using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace UxRt.Camkes.Analyzers.Rules;

/// <summary>One rule's look at a method call in a unicore component.</summary>
internal interface IInvocationRule
{
    /// <summary>The diagnostic for the call, or null when this rule has nothing to say.</summary>
    Diagnostic? Inspect(IInvocationOperation call);
}
