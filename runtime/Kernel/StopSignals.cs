using System.Runtime.InteropServices;

namespace UxRt.Camkes.Runtime.Kernel;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM as a cancellation token, for a program that runs a system without a
/// host (<see cref="SystemKernel.Run"/>). Each signal is taken over, so the process stops the system
/// in order instead of dying; the Generic Host does the same for hosted systems.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;

    private StopSignals()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    /// <summary>Cancelled by the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>Takes over SIGINT and SIGTERM until disposed.</summary>
    public static StopSignals Register() => new();

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        _stop.Cancel();
    }
}
