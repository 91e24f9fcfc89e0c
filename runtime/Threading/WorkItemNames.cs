using System.Runtime.CompilerServices;

namespace UxRt.Camkes.Runtime.Threading;

/// <summary>
/// Names what a CPU work item runs as the user wrote it. A continuation of an async method reaches
/// the CPU as .NET's box around the compiler's state machine (<c>AsyncStateMachineBox`1.MoveNext</c>),
/// wrapped in a delegate, a task or a tuple depending on what was awaited; the state machine's type
/// (<c>&lt;RunAsync&gt;d__3</c>, nested in the component's class) names the method it was made from.
/// Only used when something is reported, never on the run loop's path.
/// </summary>
internal static class WorkItemNames
{
    /// <summary><c>Server.AddAsync</c> for a continuation of that method (<c>a lambda in Server.Init</c> for an async lambda); null when no async method is found.</summary>
    public static string? AsyncMethodOf(object? callback, object? state) => AsyncMethodOf(state, depth: 0) ?? AsyncMethodOf(callback, depth: 0);

    // Unwraps the few layers .NET puts around a continuation: delegate → its target, task → its state, tuple → its items.
    private static string? AsyncMethodOf(object? item, int depth)
    {
        if (item is null || depth > 4)
        {
            return null;
        }

        if (StateMachineType(item.GetType()) is { } stateMachine)
        {
            return NameOf(stateMachine);
        }

        switch (item)
        {
            case Delegate d:
                return AsyncMethodOf(d.Target, depth + 1);
            case Task task:
                return AsyncMethodOf(task.AsyncState, depth + 1);
            case ITuple tuple:
                for (var i = 0; i < tuple.Length; i++)
                {
                    if (AsyncMethodOf(tuple[i], depth + 1) is { } name)
                    {
                        return name;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    // The state machine itself, or the type argument of the box that runs it.
    private static Type? StateMachineType(Type type)
    {
        if (typeof(IAsyncStateMachine).IsAssignableFrom(type))
        {
            return type;
        }

        return type.IsGenericType ? type.GetGenericArguments().FirstOrDefault(typeof(IAsyncStateMachine).IsAssignableFrom) : null;
    }

    // `<AddAsync>d__4` in `Server` → Server.AddAsync; `<<Init>b__0_0>d` in a closure of `Server` → a lambda in Server.Init.
    private static string NameOf(Type stateMachine)
    {
        var owner = stateMachine.DeclaringType;
        while (owner is not null && owner.Name.StartsWith('<'))
        {
            owner = owner.DeclaringType;
        }

        var method = Between(stateMachine.Name);
        return method.StartsWith('<') ? $"a lambda in {owner?.Name}.{Between(method)}" : $"{owner?.Name}.{method}";
    }

    private static string Between(string generated)
    {
        var end = generated.IndexOf('>', StringComparison.Ordinal);
        if (!generated.StartsWith('<') || end < 1)
        {
            return generated;
        }

        // Nested brackets (a lambda's `<<Init>b__0_0>d`): the name runs to the matching bracket.
        var depth = 0;
        for (var i = 0; i < generated.Length; i++)
        {
            depth += generated[i] switch { '<' => 1, '>' => -1, _ => 0 };
            if (depth == 0)
            {
                return generated[1..i];
            }
        }

        return generated[1..end];
    }
}
