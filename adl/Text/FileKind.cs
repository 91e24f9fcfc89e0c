using System.Runtime.InteropServices;

namespace UxRt.Camkes.Adl.Text;

/// <summary>
/// Whether a path names a regular file. Reading a device (<c>/dev/zero</c>) never ends and opening a
/// FIFO blocks, so the file system provider asks before it opens anything. .NET's netstandard2.0
/// surface reports no file type, so on Linux this asks the kernel (<c>statx</c>, whose layout is
/// the same on every architecture); elsewhere only directories are told apart.
/// </summary>
internal static class FileKind
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;
    private const int TypeMask = 0xF000;
    private const int RegularType = 0x8000;

    private static bool s_statxMissing;

    /// <summary>True for a regular file (after following links), false for anything else or nothing.</summary>
    public static bool IsRegularFile(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            return false;
        }

        if (s_statxMissing || !RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            return true;
        }

        try
        {
            var buffer = new byte[256];
            if (statx(AtCurrentDirectory, path, 0, StatxType, buffer) != 0)
            {
                return false;
            }

            var mode = buffer[ModeOffset] | (buffer[ModeOffset + 1] << 8);
            return (mode & TypeMask) == RegularType;
        }
        catch (System.Exception exception) when (exception is System.DllNotFoundException or System.EntryPointNotFoundException)
        {
            // An old or non-glibc C library: fall back to what .NET can tell (reads stay size-bounded).
            s_statxMissing = true;
            return true;
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int directory, [MarshalAs(UnmanagedType.LPStr)] string path, int flags, uint mask, [Out] byte[] buffer);
}
