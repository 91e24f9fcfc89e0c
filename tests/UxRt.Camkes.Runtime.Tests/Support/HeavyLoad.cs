namespace UxRt.Camkes.Runtime.Tests.Support;

/// <summary>
/// The load tests (hundreds of thousands of round trips each) run one after another: on a 2-core
/// machine two of them at once mostly measure each other, and stretch towards their bounds.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HeavyLoad
{
    public const string Name = "heavy load";
}
