namespace UxRt.Camkes.Remote;

// The derivation itself is in NodeKeyDerivation.cs, without an accessibility of its own: the Aspire
// hosting integration compiles the same file, as an internal class, and this part makes it public here.
public static partial class NodeKeyDerivation
{
}
