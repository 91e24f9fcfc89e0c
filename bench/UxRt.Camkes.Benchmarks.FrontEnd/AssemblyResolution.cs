using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace UxRt.Camkes.Benchmarks.FrontEnd;

/// <summary>
/// The generator project hands its own dependencies (the front end among them) to the compiler as
/// analyzer files, not runtime dependencies, so they are copied beside this program but missing
/// from its .deps.json. Loads them from the program's folder, here and in BenchmarkDotNet's child processes.
/// </summary>
internal static class AssemblyResolution
{
    [ModuleInitializer]
    internal static void LoadFromProgramFolder() =>
        AssemblyLoadContext.Default.Resolving += static (context, name) =>
        {
            var path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
            return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
        };
}
