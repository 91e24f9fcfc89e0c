using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace UxRt.Camkes.Remote.Tests.Support;

/// <summary>A logger factory that keeps every entry, with its structured values, for asserting on what a node logged.</summary>
internal sealed class RecordingLoggerFactory : ILoggerFactory
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    /// <summary>The entries whose template is <paramref name="template"/>, in order.</summary>
    public IEnumerable<LogEntry> With(string template) => Entries.Where(entry => entry.Template == template);

    private sealed class Logger(RecordingLoggerFactory factory) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            factory.Entries.Enqueue(new LogEntry(
                logLevel,
                formatter(state, exception),
                values.FirstOrDefault(pair => pair.Key == "{OriginalFormat}").Value as string ?? "",
                values.Where(pair => pair.Key != "{OriginalFormat}").ToDictionary(pair => pair.Key, pair => pair.Value)));
        }
    }
}

internal sealed record LogEntry(LogLevel Level, string Message, string Template, IReadOnlyDictionary<string, object?> Values);
