#!/usr/bin/env bash
# Every figure of bench/RESULTS.md in one command, run from anywhere:
#   bench/run.sh                # three launches of ten iterations per figure
#   bench/run.sh --job short    # one launch of three iterations: everything in under 15 minutes on 2 cores
# Arguments go to BenchmarkDotNet (e.g. --filter '*Throughput*' to run part of it). Reports land in
# bench/results/: BenchmarkDotNet's tables (median, quartiles, P95, ratio of medians, allocation),
# the generator's re-run steps and the build wall time.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
results="$root/bench/results"
artifacts="$root/bench/BenchmarkDotNet.Artifacts"
mkdir -p "$results"
args=("$@")
if [[ ! " ${args[*]-} " =~ " --filter " ]]; then
    args+=(--filter '*')
fi

start=$(date +%s)
for project in Runtime FrontEnd; do
    dotnet build -c Release "$root/bench/UxRt.Camkes.Benchmarks.$project" -nologo -v q -clp:NoSummary
    dotnet run -c Release --no-build --project "$root/bench/UxRt.Camkes.Benchmarks.$project" -- "${args[@]}" --artifacts "$artifacts/$project"
    cp "$artifacts/$project"/results/*-report-github.md "$results/" 2>/dev/null || true
done

dotnet run -c Release --no-build --project "$root/bench/UxRt.Camkes.Benchmarks.FrontEnd" -- steps 2>/dev/null | tee "$results/generator-steps.md"
"$root/bench/scripts/build-time.sh" HelloRpc 3 | tee "$results/build-time.md"
echo "bench/run.sh took $(( ($(date +%s) - start) / 60 )) min $(( ($(date +%s) - start) % 60 )) s"
