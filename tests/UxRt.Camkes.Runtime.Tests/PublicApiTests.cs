using UxRt.Camkes.Runtime.Components;
using UxRt.Camkes.Testing;

namespace UxRt.Camkes.Runtime.Tests;

/// <summary>
/// The runtime's surface in one place. A user writes against the types listed here; what only
/// generated code uses lives in <c>UxRt.Camkes.Runtime.Glue</c>, hidden from IntelliSense. Adding or
/// moving a public type is a decision: change this list, PublicAPI.Shipped.txt and README together.
/// </summary>
public sealed class PublicApiTests
{
    private const string Glue = "UxRt.Camkes.Runtime.Glue";

    private static readonly string[] UserFacingTypes =
    [
        "Microsoft.Extensions.DependencyInjection.CamkesServiceCollectionExtensions",
        "UxRt.Camkes.Runtime.Components.Component",
        "UxRt.Camkes.Runtime.Dataports.Dataport",
        "UxRt.Camkes.Runtime.Dataports.Dataport<T>",
        "UxRt.Camkes.Runtime.Dataports.DataportAccess",
        "UxRt.Camkes.Runtime.Dataports.DataportPtr",
        "UxRt.Camkes.Runtime.Diagnostics.KernelTelemetry",
        "UxRt.Camkes.Runtime.Errors.CamkesError",
        "UxRt.Camkes.Runtime.Errors.CamkesErrorAction",
        "UxRt.Camkes.Runtime.Errors.CamkesErrorException",
        "UxRt.Camkes.Runtime.Errors.CamkesErrorHandler",
        "UxRt.Camkes.Runtime.Errors.CamkesErrorType",
        "UxRt.Camkes.Runtime.Errors.CamkesErrors",
        "UxRt.Camkes.Runtime.Faults.CallbackFaultException",
        "UxRt.Camkes.Runtime.Faults.ComponentFaultException",
        "UxRt.Camkes.Runtime.Faults.CpuHeldTooLongException",
        "UxRt.Camkes.Runtime.Faults.DeadlockException",
        "UxRt.Camkes.Runtime.Faults.FaultPolicy",
        "UxRt.Camkes.Runtime.Faults.FaultRecord",
        "UxRt.Camkes.Runtime.Faults.IAsyncFaultHandler",
        "UxRt.Camkes.Runtime.Faults.IFaultHandler",
        "UxRt.Camkes.Runtime.Hosting.CamkesSystemService<TSystem>",
        "UxRt.Camkes.Runtime.Hosting.INodeLink",
        "UxRt.Camkes.Runtime.Hosting.SystemExitCodes",
        "UxRt.Camkes.Runtime.Kernel.ICamkesSystem",
        "UxRt.Camkes.Runtime.Kernel.SystemContext",
        "UxRt.Camkes.Runtime.Kernel.SystemKernel",
        "UxRt.Camkes.Runtime.Kernel.SystemOptions",
        "UxRt.Camkes.Runtime.Notifications.ClientSignals",
        "UxRt.Camkes.Runtime.Notifications.EventEmitter",
        "UxRt.Camkes.Runtime.Notifications.Notification",
        "UxRt.Camkes.Runtime.Notifications.NotificationMode",
        "UxRt.Camkes.Runtime.Notifications.NotificationSet",
        "UxRt.Camkes.Runtime.Notifications.NotificationSignal",
        "UxRt.Camkes.Runtime.Queues.MessageQueueReceiver<T>",
        "UxRt.Camkes.Runtime.Queues.MessageQueueSender<T>",
        "UxRt.Camkes.Runtime.Queues.VirtQueueDevice",
        "UxRt.Camkes.Runtime.Queues.VirtQueueDriver",
        "UxRt.Camkes.Runtime.Scheduling.BalancerMove",
        "UxRt.Camkes.Runtime.Scheduling.IdleBalancerOptions",
        "UxRt.Camkes.Runtime.Scheduling.IdleCoreBalancer",
        "UxRt.Camkes.Runtime.Scheduling.ThreadPlacement",
        "UxRt.Camkes.Runtime.Simulation.InjectedFaultException",
        "UxRt.Camkes.Runtime.Simulation.ScheduleResult",
        "UxRt.Camkes.Runtime.Simulation.SchedulingStrategy",
        "UxRt.Camkes.Runtime.Simulation.SimulatedFault",
        "UxRt.Camkes.Runtime.Simulation.SimulatedFaultKind",
        "UxRt.Camkes.Runtime.Simulation.Simulation",
        "UxRt.Camkes.Runtime.Simulation.SimulationAssertionException",
        "UxRt.Camkes.Runtime.Simulation.SimulationFailureKind",
        "UxRt.Camkes.Runtime.Simulation.SimulationOptions",
        "UxRt.Camkes.Runtime.Simulation.SimulationResult",
        "UxRt.Camkes.Runtime.Synchronisation.ComponentBinarySemaphore",
        "UxRt.Camkes.Runtime.Synchronisation.ComponentMutex",
        "UxRt.Camkes.Runtime.Synchronisation.ComponentMutex.Scope",
        "UxRt.Camkes.Runtime.Synchronisation.ComponentSemaphore",
        "UxRt.Camkes.Runtime.Threading.BlockingOnVirtualCpuException",
        "UxRt.Camkes.Runtime.Threading.CpuStall",
        "UxRt.Camkes.Runtime.Threading.IComponentThread",
        "UxRt.Camkes.Runtime.Threading.RunsOnVirtualCpuAttribute",
        "UxRt.Camkes.Runtime.Threading.ThreadSettings",
        "UxRt.Camkes.Runtime.Threading.UnicoreComponentAttribute",
        "UxRt.Camkes.Runtime.Threading.VirtualCpu",
        "UxRt.Camkes.Runtime.Transport.PollEvent",
        "UxRt.Camkes.Runtime.Transport.PollEvents",
        "UxRt.Camkes.Runtime.Transport.PollSet",
        "UxRt.Camkes.Runtime.Transport.ShortMessage",
        "UxRt.Camkes.Runtime.Transport.TransportClient",
        "UxRt.Camkes.Runtime.Transport.TransportEndpoint",
        "UxRt.Camkes.Runtime.Transport.TransportNamespace",
        "UxRt.Camkes.Runtime.Transport.TransportRequest",
        "UxRt.Camkes.Runtime.Transport.TransportStatus",
        "UxRt.Camkes.Runtime.Transport.TransportStream",
    ];

    [Fact]
    public void Every_public_glue_type_is_hidden_from_IntelliSense() =>
        PublicSurface.AssertGlueIsHidden(typeof(Component).Assembly, Glue);

    [Fact]
    public void The_user_facing_types_are_exactly_the_listed_ones() =>
        Assert.Equal(UserFacingTypes, PublicSurface.UserFacingTypes(typeof(Component).Assembly, Glue));
}
