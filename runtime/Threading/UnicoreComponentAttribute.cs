namespace UxRt.Camkes.Runtime.Threading;

/// <summary>
/// Marks the generated base class of a component whose threading is <c>unicore</c>: its code runs
/// on one virtual CPU and must never block. The unicore analyzer checks every class deriving from
/// a class marked with it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class UnicoreComponentAttribute : Attribute
{
}
