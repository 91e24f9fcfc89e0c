namespace UxRt.Camkes.Runtime.Threading;

/// <summary>A thread the runtime started for a component, whatever the threading model runs it on.</summary>
public interface IComponentThread
{
    /// <summary><c>instance.role</c>, for example <c>client.control</c> or <c>server.greeter</c>.</summary>
    string Name { get; }

    ThreadSettings Settings { get; }

    bool IsAlive { get; }

    /// <summary>Waits for the thread to finish; false if <paramref name="timeout"/> passed first.</summary>
    bool Join(TimeSpan timeout);
}
