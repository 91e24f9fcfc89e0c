using System.Collections.Generic;
using System.Linq;

namespace UxRt.Camkes.Compiler.Emit;

/// <summary>
/// The member names of one generated component base class. A name the runtime's
/// <c>Component</c>, <c>object</c> or the class itself already uses, or that an earlier member of
/// the class took, gets the kind of its spec item appended (<c>init</c> → <c>InitInterface</c>),
/// then a number if that is taken too. Members are claimed in spec order, so the rule is deterministic.
/// </summary>
internal sealed class MemberNames
{
    /// <summary>Members a component base class inherits or declares itself (DESIGN.md: never hide them).</summary>
    private static readonly string[] Inherited =
    {
        "Init", "Run", "RunAsync", "InstanceName", "StopRequested", "Cpu", "RequestSystemStop", "StartThread",
        "StartTimer", "DelayAsync", "Sleep", "Attach", "SenderId",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    private readonly HashSet<string> _taken;
    private readonly string _className;

    public MemberNames(string className, string baseName)
    {
        _className = className;
        _taken = new HashSet<string>(Inherited, System.StringComparer.Ordinal) { className, baseName };
    }

    /// <summary>Whether <paramref name="name"/> is a member the runtime gives every component (not one a spec item claimed).</summary>
    public static bool IsInherited(string name) => Inherited.Contains(name);

    /// <summary>
    /// Claims <paramref name="wanted"/>, or the first free name of <c>wanted + kind</c>,
    /// <c>wanted + kind + 2</c>, …; <paramref name="reason"/> says why it was changed.
    /// </summary>
    public string Claim(string wanted, string kind, out string? reason)
    {
        reason = null;
        if (_taken.Add(wanted))
        {
            return wanted;
        }

        reason = IsInherited(wanted)
            ? $"'{wanted}' is a member every component inherits"
            : wanted == _className || wanted == _className + "Base"
                ? $"a member cannot have its class's name '{wanted}'"
                : $"'{wanted}' is already a member of the class";
        var candidate = wanted + kind;
        for (var n = 2; !_taken.Add(candidate); n++)
        {
            candidate = wanted + kind + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
