using System.Collections.Generic;
using System.Linq;
using UxRt.Camkes.Adl.Connectors;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Model;
using UxRt.Camkes.Adl.Syntax;

namespace UxRt.Camkes.Adl.Checking;

/// <summary>
/// What needs a provided interface's own interface thread: a notification connector that binds
/// to it (seL4NotificationBind, <see cref="ConnectorEntry.BindsToInterfaceThread"/>) gives the
/// consumer's notification to the interface thread of its single threaded provided interface, so
/// a consumer without exactly one is an error (ADL0320); <c>with N threads</c> on an interface that
/// has no interface thread (passive, or a connector without one such as seL4DirectCall) does
/// nothing, which is a warning (ADL0321). Which connectors have interface threads is the catalog's
/// <see cref="ConnectorEntry.HasInterfaceThread"/>.
/// </summary>
public static class InterfaceThreadRules
{

    /// <summary>
    /// The provided interface whose interface thread delivers <paramref name="instance"/>'s bound
    /// notifications: its one threaded provided interface, or null when it has none or several.
    /// </summary>
    public static string? BoundInterface(SystemModel model, ModelIndex index, string instance)
    {
        var threaded = Serving(model, index, instance).Where(s => s.Reason is null).Select(s => s.Interface).ToList();
        return threaded.Count == 1 ? threaded[0] : null;
    }

    internal static void Check(SystemModel model, ModelIndex index, DiagnosticBag diagnostics)
    {
        foreach (var connection in model.Connections)
        {
            if (!index.Connectors.TryGetValue(connection.ConnectorName, out var connector))
            {
                continue;
            }

            if (index.EntryOf(connection) is { BindsToInterfaceThread: true })
            {
                foreach (var end in connection.Ends.Where(e => e.Role == ConnectorEndRole.To))
                {
                    CheckBinding(model, index, connection, end, diagnostics);
                }
            }
            else if (connector.To.Kind == ConnectorEndKind.Procedure && connector.To.Threads > 1)
            {
                foreach (var end in connection.Ends.Where(e => e.Role == ConnectorEndRole.To))
                {
                    CheckThreads(index, connection, connector, end, diagnostics);
                }
            }
        }
    }

    private static void CheckBinding(SystemModel model, ModelIndex index, ConnectionModel connection, ConnectionEndModel end, DiagnosticBag diagnostics)
    {
        var serving = Serving(model, index, end.Instance);
        var threaded = serving.Where(s => s.Reason is null).Select(s => $"'{s.Interface}'").ToList();
        if (threaded.Count == 1)
        {
            return;
        }

        var binds = $"connection '{connection.Name}' ({connection.ConnectorName}) binds '{end.Instance}.{end.Interface}' to the interface thread of the one procedure '{end.Instance}' provides, ";
        var why = threaded.Count > 1
            ? $"but '{end.Instance}' has several threaded provided interfaces ({string.Join(", ", threaded)}), so there is no one thread to bind to"
            : serving.Count == 0
                ? $"but '{end.Instance}' provides no procedure"
                : $"but no provided interface of '{end.Instance}' has an interface thread: {string.Join("; ", serving.Select(s => $"'{s.Interface}' {s.Reason}"))}";
        diagnostics.Report(
            DiagnosticDescriptors.NoInterfaceThreadToBind,
            end.Location,
            binds + why + $"; use seL4Notification, whose callbacks run on the event thread of '{end.Instance}'");
    }

    private static void CheckThreads(ModelIndex index, ConnectionModel connection, ConnectorModel connector, ConnectionEndModel end, DiagnosticBag diagnostics)
    {
        var serves = $"connector '{connector.Name}' serves '{end.Instance}.{end.Interface}' with {connector.To.Threads} threads (connection '{connection.Name}'), which has no effect: ";
        if (index.EntryOf(connection) is { HasInterfaceThread: false } entry)
        {
            diagnostics.Report(
                DiagnosticDescriptors.ThreadsWithoutEffect,
                end.Location,
                serves + (entry.IsPlainCall
                    ? $"{entry.Name} is a plain call on the caller's thread (or, unicore, work on the server's CPU), so there are no interface threads to add"
                    : $"{entry.Name} serves its calls without an interface thread of the kernel's, so there are none to add"));
        }
        else if (IsPassive(index, end.Instance, end.Interface))
        {
            diagnostics.Report(
                DiagnosticDescriptors.ThreadsWithoutEffect,
                index.SettingOf(end.Instance, end.Interface + "_passive")!.Location,
                serves + $"'{end.Instance}.{end.Interface}_passive' makes the interface passive, so each call runs on its caller's thread (or, unicore, as work on its CPU) and there are no interface threads to add");
        }
    }

    // Each provided procedure of the instance, with why it has no interface thread (null: it has one).
    private static List<(string Interface, string? Reason)> Serving(SystemModel model, ModelIndex index, string instance)
    {
        var provided = index.ComponentOf(instance)?.Interfaces.Where(i => i.Kind == InterfaceKind.Provides) ?? Enumerable.Empty<InterfaceModel>();
        return provided.Select(port => (port.Name, WhyNoThread(model, index, instance, port.Name))).ToList();
    }

    private static string? WhyNoThread(SystemModel model, ModelIndex index, string instance, string port)
    {
        var connection = model.Connections.FirstOrDefault(c => c.Ends.Any(e => e.Role == ConnectorEndRole.To && e.Instance == instance && e.Interface == port));
        if (connection is null)
        {
            return "is not connected";
        }

        var entry = index.EntryOf(connection);
        if (entry is { IsPlainCall: true })
        {
            return $"is served by {entry.Name} (connection '{connection.Name}'), a plain call on the caller's thread";
        }

        // A declared connector `with N threads` that the catalog does not know stands for seL4RPCCall.
        if (!(entry?.HasInterfaceThread
            ?? (index.Connectors.TryGetValue(connection.ConnectorName, out var connector) && connector.To.Threads > 1)))
        {
            return $"is served by connector '{connection.ConnectorName}' (connection '{connection.Name}'), which has no interface thread of the kernel's";
        }

        return IsPassive(index, instance, port) ? $"is passive ('{instance}.{port}_passive')" : null;
    }

    /// <summary>Whether <c>instance.port_passive</c> is set: the interface has no interface thread.</summary>
    internal static bool IsPassive(ModelIndex index, string instance, string port) =>
        index.Setting(instance, port + "_passive") is BooleanValue { Value: true } or IntegerValue { Value: 1 };
}
