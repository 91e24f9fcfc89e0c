namespace UxRt.Camkes.Adl.Model;

/// <summary>
/// The names the UX/RT transport is known by: its built-in procedure and connector (declared in
/// the built-in <c>uxrt-transport.camkes</c>) and its per-interface settings.
/// </summary>
public static class TransportNames
{
    /// <summary>The library file that declares them: <c>import &lt;uxrt-transport.camkes&gt;;</c>.</summary>
    public const string Library = "uxrt-transport.camkes";

    public const string Procedure = "UxrtFile";

    public const string Connector = "UxrtTransport";

    /// <summary><c>&lt;iface&gt;_path</c> on a providing instance: where the endpoint lives.</summary>
    public const string PathSuffix = "_path";

    /// <summary><c>&lt;iface&gt;_access</c> on a providing instance: "R", "W" or "RW".</summary>
    public const string AccessSuffix = "_access";

    /// <summary><c>&lt;iface&gt;_buffer_size</c> on a using instance: its shared buffer for long messages.</summary>
    public const string BufferSizeSuffix = "_buffer_size";

    /// <summary>The largest shared buffer a client may ask for: 1 GiB.</summary>
    public const long MaxBufferSize = 1L << 30;

    /// <summary>The path of a provided interface that sets none.</summary>
    public static string DefaultPath(string instance, string interfaceName) => "/srv/" + instance.Replace('.', '/') + "/" + interfaceName;
}
