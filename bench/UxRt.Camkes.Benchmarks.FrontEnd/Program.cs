using BenchmarkDotNet.Running;
using UxRt.Camkes.Benchmarks;
using UxRt.Camkes.Benchmarks.FrontEnd;

// `steps` prints how many of the generator's incremental steps re-run after each kind of edit;
// anything else is BenchmarkDotNet's own arguments, e.g. `--filter '*Generator*' --job short`.
if (args is ["steps", ..])
{
    return IncrementalSteps.Print(args.Length > 1 ? args[1..].Select(int.Parse).ToArray() : new[] { 100, 1_000, 10_000 });
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchConfig.Create(args));
return 0;
