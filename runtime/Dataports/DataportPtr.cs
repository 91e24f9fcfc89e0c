namespace UxRt.Camkes.Runtime.Dataports;

/// <summary>
/// CAmkES's <c>dataport_ptr_t</c>: a place in a dataport, passed in a call instead of a pointer
/// (a pointer means nothing at the other end; an offset into the shared region means the same to both).
/// </summary>
public readonly record struct DataportPtr(int Offset);
