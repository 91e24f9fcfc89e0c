namespace UxrtProjectNamespace;

/// <summary>The code of component type <c>CamkesComponent</c> (CamkesComponent.camkes).</summary>
public sealed class CamkesComponent : CamkesComponentBase
{
    protected override void Run()
    {
        Console.WriteLine($"{InstanceName}: running");
    }
}
