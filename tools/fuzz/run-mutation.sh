#!/usr/bin/env bash
# Long-run in-process mutation fuzzing of the front end (no afl needed): the same fuzzer that CI
# runs for a few seconds (FuzzTests.Mutated_corpus_specs_stay_within_the_front_ends_bounds).
#   tools/fuzz/run-mutation.sh [seconds] [seed]
# Findings (the input and what broke) are written to .fuzz/mutation/; a finding replays from its
# seed and iteration alone (MutationFuzzer.RunOne). Fix it, then keep the input in
# tests/UxRt.Camkes.Adl.Tests/Corpus/regressions/.
set -euo pipefail
seconds="${1:-3600}"
seed="${2:-$RANDOM}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
echo "seed $seed for $seconds s; findings in $root/.fuzz/mutation"
CAMKES_FUZZ_SEED="$seed" CAMKES_FUZZ_SECONDS="$seconds" CAMKES_FUZZ_ITERATIONS=2147483647 \
CAMKES_FUZZ_FINDINGS="$root/.fuzz/mutation" \
  dotnet test "$root/tests/UxRt.Camkes.Adl.Tests" -c Release \
    --filter "FullyQualifiedName~Mutated_corpus_specs_stay_within_the_front_ends_bounds" \
    --logger "console;verbosity=detailed"
