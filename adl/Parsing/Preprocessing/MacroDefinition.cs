using System.Collections.Generic;

namespace UxRt.Camkes.Adl.Parsing.Preprocessing;

/// <summary>
/// A <c>#define</c>: object-like when <see cref="Parameters"/> is null, function-like otherwise
/// (<see cref="IsVariadic"/> when the last parameter is <c>...</c>, bound to <c>__VA_ARGS__</c>).
/// </summary>
internal sealed record MacroDefinition(string Name, IReadOnlyList<string>? Parameters, bool IsVariadic, IReadOnlyList<PpToken> Body)
{
    public bool IsFunctionLike => Parameters is not null;

    public int ParameterIndex(string name)
    {
        if (Parameters is null)
        {
            return -1;
        }

        for (var i = 0; i < Parameters.Count; i++)
        {
            if (Parameters[i] == name)
            {
                return i;
            }
        }

        return IsVariadic && name == "__VA_ARGS__" ? Parameters.Count - 1 : -1;
    }
}
