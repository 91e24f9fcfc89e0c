using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using UxRt.Camkes.Runtime.Hosting;
using UxRt.Camkes.Runtime.Kernel;

namespace UxRt.Camkes.Runtime.Tests.Hosting;

/// <summary>Generic Hosts for tests: only the configuration a test gives (no environment, no files), logs kept in memory.</summary>
internal static class TestHosts
{
    public static IHost Build<TSystem>(IDictionary<string, string?>? settings = null, Action<SystemOptions>? configure = null, Action<IServiceCollection>? services = null, LogRecorder? logs = null)
        where TSystem : ICamkesSystem
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        services?.Invoke(builder.Services);
        builder.Services.AddCamkesSystem<TSystem>(configure);
        return builder.Build();
    }

    public static CamkesSystemService<TSystem> SystemOf<TSystem>(this IHost host)
        where TSystem : ICamkesSystem =>
        host.Services.GetRequiredService<CamkesSystemService<TSystem>>();
}

/// <summary>A logger provider that keeps every entry with its category.</summary>
internal sealed class LogRecorder : ILoggerProvider
{
    public System.Collections.Concurrent.ConcurrentQueue<(string Category, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CategoryLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class CategoryLogger(LogRecorder recorder, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            recorder.Entries.Enqueue((category, formatter(state, exception)));
    }
}
