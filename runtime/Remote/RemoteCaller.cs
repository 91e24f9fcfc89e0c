using System.ComponentModel;

namespace UxRt.Camkes.Remote.Glue;

/// <summary>One end of a connection, for the access check: the node the end runs on and the badge the spec gives it.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct RemoteCaller(string Node, int Badge);
