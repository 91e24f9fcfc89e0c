using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UxRt.Camkes.Runtime.Components;

namespace UxRt.Camkes.Runtime.Kernel;

/// <summary>
/// What a generated system's <c>Create</c> builds the system with: its options, where it logs, the
/// services its components' constructors take, and which node of the spec runs here. The Generic
/// Host makes one from its container (<c>AddCamkesSystem</c>); without a host, <see cref="Standalone"/>
/// gives components a small container of their own (<see cref="ILogger{T}"/>, <see cref="TimeProvider"/>,
/// <see cref="IOptions{SystemOptions}"/>).
/// </summary>
public sealed class SystemContext
{
    /// <param name="services">Where components' constructor arguments come from.</param>
    /// <param name="options">The system's settings; validated by the kernel.</param>
    /// <param name="node">The node to build (<c>inst.node</c>), or null for every instance.</param>
    public SystemContext(IServiceProvider services, SystemOptions options, string? node = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        Services = services;
        Options = options;
        Node = node;
        LoggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
    }

    /// <summary>Where components' constructor arguments come from.</summary>
    public IServiceProvider Services { get; }

    /// <summary>The system's settings.</summary>
    public SystemOptions Options { get; }

    /// <summary>The node this process runs, or null for the whole system.</summary>
    public string? Node { get; }

    /// <summary>Where the kernel and the components log.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>
    /// A context for a program without a host: components get <see cref="ILogger{T}"/> from
    /// <paramref name="loggerFactory"/> (or <paramref name="logger"/> for every category; nothing
    /// when neither is given), <see cref="TimeProvider.System"/> and the options.
    /// </summary>
    public static SystemContext Standalone(SystemOptions? options = null, ILoggerFactory? loggerFactory = null, ILogger? logger = null, string? node = null)
    {
        options ??= new SystemOptions();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(loggerFactory ?? (logger is null ? NullLoggerFactory.Instance : new OneLoggerFactory(logger)));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        return new SystemContext(services.BuildServiceProvider(), options, node);
    }

    /// <summary>
    /// Makes the component of instance <paramref name="instance"/> through the container: its
    /// constructor may take any registered service. An argument the container cannot supply is an
    /// error naming the instance.
    /// </summary>
    /// <param name="instance">The instance's name, for errors.</param>
    /// <param name="attributes">The attribute values the configuration gives the instance (the generated base class's <c>ConfiguredAttributes</c>), or null.</param>
    public TComponent CreateComponent<TComponent>(string instance, object? attributes = null)
        where TComponent : Component
    {
        using var activation = ComponentActivation.Begin(attributes);
        try
        {
            return ActivatorUtilities.CreateInstance<TComponent>(Services);
        }
        catch (InvalidOperationException exception)
        {
            throw new InvalidOperationException($"instance '{instance}' ({typeof(TComponent).Name}) cannot be created: {exception.Message}", exception);
        }
    }

    // A program that passed one ILogger: every category logs through it.
    private sealed class OneLoggerFactory(ILogger logger) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => logger;

        public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("this logger factory wraps one logger; pass an ILoggerFactory to add providers");

        public void Dispose()
        {
        }
    }
}
