using System.Runtime.CompilerServices;
using UxRt.Camkes.Runtime.Faults;

namespace UxRt.Camkes.Runtime.Transport;

/// <summary>The awaitable forms, for unicore components: only the calling lightweight thread waits, and it resumes on its own CPU.</summary>
public sealed partial class TransportClient
{
    /// <summary>Awaitable <see cref="WriteShort"/>.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<long> WriteShortAsync(long offset, ReadOnlyMemory<byte> data)
    {
        if (Enter(offset, data.Length, ShortMessage.MaxBytes) is var refused and < 0)
        {
            return refused;
        }

        try
        {
            data.Span.CopyTo(_frame.Registers);
            return await CallAsync(TransportFrame.WriteMethod, offset, data.Length, isLong: false);
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Awaitable <see cref="ReadShort"/>.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<long> ReadShortAsync(long offset, Memory<byte> destination)
    {
        if (Enter(offset, destination.Length, ShortMessage.MaxBytes) is var refused and < 0)
        {
            return refused;
        }

        try
        {
            var status = await CallAsync(TransportFrame.ReadMethod, offset, destination.Length, isLong: false);
            if (status > 0)
            {
                _frame.Registers[..(int)status].CopyTo(destination.Span);
            }

            return status;
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Awaitable <see cref="WriteLong"/>.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<long> WriteLongAsync(long offset, ReadOnlyMemory<byte> data)
    {
        if (Enter(offset, data.Length, _buffer.Length) is var refused and < 0)
        {
            return refused;
        }

        try
        {
            data.Span.CopyTo(_buffer);
            return await CallAsync(TransportFrame.WriteMethod, offset, data.Length, isLong: true);
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Awaitable <see cref="ReadLong"/>.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<long> ReadLongAsync(long offset, Memory<byte> destination)
    {
        var status = await ReadBufferAsync(offset, destination.Length);
        if (status > 0)
        {
            _buffer.AsSpan(0, (int)status).CopyTo(destination.Span);
        }

        return status;
    }

    /// <summary>Awaitable <see cref="WriteBuffer"/>.</summary>
    public ValueTask<long> WriteBufferAsync(long offset, int length) => InPlaceAsync(TransportFrame.WriteMethod, offset, length);

    /// <summary>Awaitable <see cref="ReadBuffer"/>.</summary>
    public ValueTask<long> ReadBufferAsync(long offset, int length) => InPlaceAsync(TransportFrame.ReadMethod, offset, length);

    /// <summary>Awaitable <see cref="Write"/>.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<long> WriteAsync(long offset, ReadOnlyMemory<byte> data)
    {
        if (data.Length <= ShortMessage.MaxBytes)
        {
            return await WriteShortAsync(offset, data);
        }

        var transfer = default(Chunks);
        while (transfer.Next(_buffer.Length, data.Length, out var done, out var chunk))
        {
            transfer.Moved(await WriteLongAsync(offset + done, data.Slice(done, chunk)));
        }

        return transfer.Result;
    }

    /// <summary>Awaitable <see cref="Read"/>.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<long> ReadAsync(long offset, Memory<byte> destination)
    {
        if (destination.Length <= ShortMessage.MaxBytes)
        {
            return await ReadShortAsync(offset, destination);
        }

        var transfer = default(Chunks);
        while (transfer.Next(_buffer.Length, destination.Length, out var done, out var chunk))
        {
            transfer.Moved(await ReadLongAsync(offset + done, destination.Slice(done, chunk)));
        }

        return transfer.Result;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<long> InPlaceAsync(int method, long offset, int length)
    {
        if (Enter(offset, length, _buffer.Length) is var refused and < 0)
        {
            return refused;
        }

        try
        {
            return await CallAsync(method, offset, length, isLong: true);
        }
        finally
        {
            Exit();
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<long> CallAsync(int method, long offset, int length, bool isLong)
    {
        _frame.Prepare(method, offset, length, isLong, _badge);
        try
        {
            await _endpoint.CallAsync(_frame);
        }
        catch (ComponentFaultException stopped)
        {
            LastFault = stopped;
            return TransportStatus.ShutDown;
        }

        return Completed();
    }
}
