namespace UxRt.Camkes.Runtime.Scheduling;

/// <summary>A component thread that is an OS thread of its own, with the placement it applied when it started.</summary>
internal interface IPlacedThread
{
    ThreadPlacement Placement { get; }
}
