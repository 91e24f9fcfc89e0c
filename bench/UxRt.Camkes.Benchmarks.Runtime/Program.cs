using BenchmarkDotNet.Running;
using UxRt.Camkes.Benchmarks;

// Pass BenchmarkDotNet's own arguments, e.g. `--filter '*Rpc*' --job short`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchConfig.Create(args));
