namespace UxRt.Camkes.Runtime.Dataports;

/// <summary>What one end of a dataport may do with the shared memory (<c>&lt;dp&gt;_access</c>).</summary>
[Flags]
public enum DataportAccess
{
    None = 0,
    Read = 1,
    Write = 2,
    ReadWrite = Read | Write,
}
