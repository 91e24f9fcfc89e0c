using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace UxRt.Camkes.Runtime.Tests.Support;

/// <summary>An <see cref="ILogger"/> that keeps what it is told, for asserting on the kernel's log.</summary>
internal sealed class RecordingLogger : ILogger
{
    public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, formatter(state, exception), exception));
}
