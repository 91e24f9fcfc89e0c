using System.ComponentModel;
using System.Reflection;

namespace UxRt.Camkes.Testing;

/// <summary>
/// The public types of a package's assembly, split the way its users meet them: the user-facing
/// types, and those in its <c>.Glue</c> namespace that only generated code uses and IntelliSense hides.
/// </summary>
internal static class PublicSurface
{
    /// <summary>The public types outside <paramref name="glueNamespace"/>, by C# name, sorted.</summary>
    public static IReadOnlyList<string> UserFacingTypes(Assembly assembly, string glueNamespace) =>
        assembly.GetExportedTypes()
            .Where(type => type.Namespace != glueNamespace)
            .Select(NameOf)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Fails unless <paramref name="glueNamespace"/> has public types and IntelliSense offers none of them.</summary>
    public static void AssertGlueIsHidden(Assembly assembly, string glueNamespace)
    {
        var glue = assembly.GetExportedTypes().Where(type => type.Namespace == glueNamespace).ToList();
        Assert.NotEmpty(glue);
        Assert.Empty(glue
            .Where(type => type.GetCustomAttribute<EditorBrowsableAttribute>()?.State != EditorBrowsableState.Never)
            .Select(NameOf));
    }

    /// <summary>A type as C# spells it: <c>Outer.Inner</c>, <c>Dataport&lt;T&gt;</c>.</summary>
    public static string NameOf(Type type)
    {
        var name = type.Name.Split('`')[0];
        if (type.IsGenericTypeDefinition)
        {
            var own = type.GetGenericArguments().Skip(type.DeclaringType?.GetGenericArguments().Length ?? 0);
            name += "<" + string.Join(", ", own.Select(argument => argument.Name)) + ">";
        }

        return type.DeclaringType is { } outer ? NameOf(outer) + "." + name : type.Namespace + "." + name;
    }
}
