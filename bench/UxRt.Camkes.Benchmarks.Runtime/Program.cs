using BenchmarkDotNet.Running;

// Pass BenchmarkDotNet's own arguments, e.g. `--filter '*Rpc*' --job short`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
