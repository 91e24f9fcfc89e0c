#!/usr/bin/env bash
# Long-run coverage-guided fuzzing with afl++ and SharpFuzz.
#   tools/fuzz/run-afl.sh frontend [seconds]   # the ADL front end, seeded from the spec corpus
#   tools/fuzz/run-afl.sh message  [seconds]   # the runtime's MessageBuffer decoder
# Needs afl++ (Debian: apt-get install -y afl++) and the SharpFuzz.CommandLine tool (installed here
# into .fuzz/tool on first use). Findings land in .fuzz/<target>/findings/{crashes,hangs}; replay one
# with `dotnet .fuzz/<target>/out/UxRt.Camkes.Fuzz.dll <target> <file>`, then add it as a
# regression (tests/UxRt.Camkes.Adl.Tests/Corpus/regressions/ for the front end).
set -euo pipefail
target="${1:?usage: run-afl.sh frontend|message [seconds]}"
seconds="${2:-3600}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$root/.fuzz/$target"
mkdir -p "$work/in"

if [ ! -x "$root/.fuzz/tool/sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$root/.fuzz/tool"
fi

dotnet publish "$root/tests/UxRt.Camkes.Fuzz" -c Release -o "$work/out"
case "$target" in
  frontend)
    "$root/.fuzz/tool/sharpfuzz" "$work/out/UxRt.Camkes.Adl.dll"
    # Seeds: the corpus specs small enough for afl (it prefers inputs under a few kilobytes).
    find "$root/tests/UxRt.Camkes.Adl.Tests/Corpus" -name '*.camkes' -size -8k -not -path '*/regressions/*' -exec cp {} "$work/in/" \;
    ;;
  message)
    "$root/.fuzz/tool/sharpfuzz" "$work/out/UxRt.Camkes.Runtime.dll"
    # Seeds: a few read programs over small messages (count byte, read kinds, then the message).
    printf '\x02\x00\x03\x05\x00\x00\x00hello' > "$work/in/int-string"
    printf '\x01\x04\x02\x00\x00\x00\x01\x00\x00\x00\x02\x00\x00\x00' > "$work/in/int-array"
    printf '\x01\x07\x01\x00\x00\x00\x01\x00\x00\x00x' > "$work/in/strings"
    ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac

# SharpFuzz's own recipe: afl sees a managed program, so skip its binary checks; no memory limit
# for the runtime, a generous per-input timeout (ms) for a noisy machine.
export AFL_SKIP_BIN_CHECK=1
export AFL_NO_UI="${AFL_NO_UI:-1}"
exec timeout --preserve-status "$seconds" afl-fuzz -i "$work/in" -o "$work/findings" -t 10000 -m none \
  -- dotnet "$work/out/UxRt.Camkes.Fuzz.dll" "$target"
