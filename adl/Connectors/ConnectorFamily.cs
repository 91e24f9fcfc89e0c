namespace UxRt.Camkes.Adl.Connectors;

/// <summary>The kinds of glue there are; every connector in the <see cref="ConnectorCatalog"/> belongs to one.</summary>
public enum ConnectorFamily
{
    /// <summary>A call frame through a kernel endpoint, served by an interface thread (seL4RPCCall and its older names).</summary>
    RpcCall,

    /// <summary>The same frame, handled on the caller's thread: a plain call within one address space (seL4DirectCall).</summary>
    DirectCall,

    /// <summary>Arguments marshalled through a shared buffer of each client's own (seL4RPCDataport).</summary>
    RpcDataport,

    /// <summary>An emitter signals a notification its consumers wait on (seL4Notification and its variants).</summary>
    Notification,

    /// <summary>A region of memory every end maps (seL4SharedData).</summary>
    SharedData,

    /// <summary>UxrtFile reads and writes, short messages inline and long ones through a shared buffer (UxrtTransport).</summary>
    Transport,

    /// <summary>
    /// Messages of a dataport's struct type through a single-producer, single-consumer ring in a
    /// shared region, signalled only when the other side sleeps (global-components' seL4MessageQueue).
    /// </summary>
    MessageQueue,

    /// <summary>
    /// A ring of buffers between a driver (<c>uses VirtQueueDrv</c>) and a device (<c>uses VirtQueueDev</c>)
    /// end, each woken through the other's global endpoint (global-components' seL4VirtQueues).
    /// </summary>
    VirtQueue,
}

/// <summary>What becomes of a connection of the connector when its ends are placed on different nodes.</summary>
public enum NodeCrossing
{
    /// <summary>The runtime carries it between processes (gRPC).</summary>
    Carried,

    /// <summary>It works within a process only; across nodes it stays unwired, which is a warning (ADL0334).</summary>
    Unwired,

    /// <summary>It cannot mean anything across nodes (shared memory, a plain call), so splitting it is an error (ADL0331).</summary>
    Forbidden,
}
