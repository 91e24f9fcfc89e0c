using UxRt.Camkes.Runtime.Transport;

namespace UxRt.Camkes.Runtime.Tests.Transport;

/// <summary>The client APIs of the transport, so that a test can pair any writer with any reader.</summary>
public enum TransportApi
{
    Short,
    Long,
    LongInPlace,
    Unix,
    Stream,
}

internal static class TransportApis
{
    public static readonly TransportApi[] All = Enum.GetValues<TransportApi>();

    /// <summary>The most one call of <paramref name="api"/> carries.</summary>
    public static int Capacity(this TransportApi api, TransportClient client) => api switch
    {
        TransportApi.Short => ShortMessage.MaxBytes,
        TransportApi.Long or TransportApi.LongInPlace => client.BufferSize,
        _ => int.MaxValue,
    };

    public static long Write(this TransportApi api, TransportClient client, long offset, ReadOnlySpan<byte> data)
    {
        switch (api)
        {
            case TransportApi.Short:
                return client.WriteShort(offset, data);
            case TransportApi.Long:
                return client.WriteLong(offset, data);
            case TransportApi.LongInPlace:
                if (data.Length > client.BufferSize)
                {
                    return client.WriteBuffer(offset, data.Length);
                }

                data.CopyTo(client.Buffer);
                return client.WriteBuffer(offset, data.Length);
            case TransportApi.Unix:
                return client.Write(offset, data);
            default:
                using (var stream = client.OpenStream())
                {
                    stream.Seek(offset, SeekOrigin.Begin);
                    stream.Write(data);
                    return stream.Position - offset;
                }
        }
    }

    public static long Read(this TransportApi api, TransportClient client, long offset, Span<byte> destination)
    {
        switch (api)
        {
            case TransportApi.Short:
                return client.ReadShort(offset, destination);
            case TransportApi.Long:
                return client.ReadLong(offset, destination);
            case TransportApi.LongInPlace:
                var status = client.ReadBuffer(offset, destination.Length);
                if (status > 0)
                {
                    client.Buffer[..(int)status].CopyTo(destination);
                }

                return status;
            case TransportApi.Unix:
                return client.Read(offset, destination);
            default:
                using (var stream = client.OpenStream())
                {
                    stream.Position = offset;
                    var total = 0;
                    while (total < destination.Length && stream.Read(destination[total..]) is var n and > 0)
                    {
                        total += n;
                    }

                    return total;
                }
        }
    }

    public static async ValueTask<long> WriteAsync(this TransportApi api, TransportClient client, long offset, ReadOnlyMemory<byte> data)
    {
        switch (api)
        {
            case TransportApi.Short:
                return await client.WriteShortAsync(offset, data);
            case TransportApi.Long:
                return await client.WriteLongAsync(offset, data);
            case TransportApi.LongInPlace:
                data.Span.CopyTo(client.Buffer);
                return await client.WriteBufferAsync(offset, data.Length);
            case TransportApi.Unix:
                return await client.WriteAsync(offset, data);
            default:
                await using (var stream = client.OpenStream())
                {
                    stream.Position = offset;
                    await stream.WriteAsync(data);
                    return stream.Position - offset;
                }
        }
    }

    public static async ValueTask<long> ReadAsync(this TransportApi api, TransportClient client, long offset, Memory<byte> destination)
    {
        switch (api)
        {
            case TransportApi.Short:
                return await client.ReadShortAsync(offset, destination);
            case TransportApi.Long:
                return await client.ReadLongAsync(offset, destination);
            case TransportApi.LongInPlace:
                var status = await client.ReadBufferAsync(offset, destination.Length);
                if (status > 0)
                {
                    client.Buffer[..(int)status].CopyTo(destination.Span);
                }

                return status;
            case TransportApi.Unix:
                return await client.ReadAsync(offset, destination);
            default:
                await using (var stream = client.OpenStream())
                {
                    stream.Position = offset;
                    var total = 0;
                    while (total < destination.Length && await stream.ReadAsync(destination[total..]) is var n and > 0)
                    {
                        total += n;
                    }

                    return total;
                }
        }
    }

    /// <summary>Bytes that differ with their position and the size, so that a misplaced copy shows.</summary>
    public static byte[] Pattern(int size, int seed = 0)
    {
        var bytes = new byte[size];
        for (var i = 0; i < size; i++)
        {
            bytes[i] = (byte)((i * 31) + (size * 7) + seed);
        }

        return bytes;
    }
}
