using System.Security.Cryptography;

namespace UxRt.Camkes.Remote;

/// <summary>
/// Ids for the requests this node sends: unique within the process (a counter) and across its
/// restarts (a random start), so a server can tell a new request from a replayed or repeated one.
/// </summary>
internal sealed class CallIds
{
    private long _last = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(sizeof(long)));

    public ulong Next() => unchecked((ulong)Interlocked.Increment(ref _last));
}
