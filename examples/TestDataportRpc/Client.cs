using System.Runtime.CompilerServices;
using UxRt.Camkes.Runtime.Errors;

namespace TestDataportRpc;

/// <summary>
/// For each of the four dataports that back its connections (one page, two pages, a 100-byte and
/// an 8192-byte struct), echoes the longest string that fits, then one byte more with an error
/// handler registered, which must see exactly one overrun and nothing else.
/// </summary>
public sealed class Client : ClientBase
{
    private const int PageSize = 4096;

    private int _overrunErrors;
    private int _otherErrors;

    protected override void Run()
    {
        Probe("basic one page dataport", B, PageSize);
        Probe("larger two page aligned dataport", F, PageSize * 2);
        Probe("C struct dataport", H, Unsafe.SizeOf<CStruct>());
        Probe("two page C struct dataport", J, Unsafe.SizeOf<CStructBig>());
        Console.WriteLine("All OK");
    }

    // A C string of `capacity` bytes (with its NUL) is the most the buffer holds.
    private void Probe(string dataport, IEcho echo, int capacity)
    {
        Console.WriteLine($"Testing {dataport}...");
        var fits = LoremIpsum.Take(capacity - 1);
        Check(echo.Echo(fits) == fits, $"the {dataport} did not echo {fits.Length} characters");

        Console.WriteLine($"Test overwriting {dataport}...");
        _overrunErrors = 0;
        _otherErrors = 0;
        CamkesErrors.RegisterErrorHandler(echo, CountError);
        echo.Echo(LoremIpsum.Take(capacity));
        Check(_overrunErrors == 1 && _otherErrors == 0, $"the {dataport} reported {_overrunErrors} overruns and {_otherErrors} other errors, not one overrun");
        CamkesErrors.RegisterErrorHandler(echo, null);
    }

    private CamkesErrorAction CountError(CamkesError error)
    {
        if (error.Type == CamkesErrorType.BufferLengthExceeded)
        {
            _overrunErrors++;
        }
        else
        {
            _otherErrors++;
        }

        return CamkesErrorAction.Discard;
    }

    private static void Check(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidOperationException(failure);
        }
    }
}
