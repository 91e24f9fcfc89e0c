namespace UxRt.Camkes.Runtime.Faults;

/// <summary>What the kernel does with an instance after one of its threads faulted.</summary>
public enum FaultPolicy
{
    /// <summary>Record the fault and carry on: the faulted thread ends, the rest of the system runs.</summary>
    Continue,

    /// <summary>Re-initialise the instance (<c>Init</c> again, then a fresh control thread) without touching the others.</summary>
    Restart,

    /// <summary>Stop the whole system in order.</summary>
    StopSystem,
}
