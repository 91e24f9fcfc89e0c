namespace TestFaultHandlers;

/// <summary>Provides an empty procedure and does nothing: as in CAmkES's app it is only there to be connected.</summary>
public sealed class Server : ServerBase
{
}
