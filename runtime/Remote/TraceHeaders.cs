using System.Diagnostics;
using Grpc.Core;

namespace UxRt.Camkes.Remote;

/// <summary>
/// The headers of a call: inside a traced operation, its W3C trace context, so that the server's
/// span is a child of the caller's own (not of an HTTP span that nobody records); otherwise none.
/// What proves the caller travels in the request itself (its MAC), not in headers.
/// </summary>
internal static class TraceHeaders
{
    public static Metadata? Current()
    {
        if (Activity.Current is not { } activity)
        {
            return null;
        }

        var traced = new Metadata();
        DistributedContextPropagator.Current.Inject(activity, traced, static (carrier, name, value) =>
        {
            if (value is not null)
            {
                ((Metadata)carrier!).Add(name, value);
            }
        });
        return traced;
    }
}
