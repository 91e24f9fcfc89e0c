#!/usr/bin/env bash
# Wall time of `dotnet build` of an example after a one-line spec edit, against a rebuild with no
# change, on this machine. Each round changes one line of the spec (a priority, so the generated
# glue changes too), builds, and times it; the spec is restored at the end.
#   bench/scripts/build-time.sh [example] [rounds]      (defaults: HelloRpc 5)
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
example=${1:-HelloRpc}
rounds=${2:-5}
project="$root/examples/$example"
spec=$(ls "$project"/*.camkes | head -n 1)
backup=$(mktemp)
cp "$spec" "$backup"
trap 'cp "$backup" "$spec"; rm -f "$backup"' EXIT

build() {
    local start end
    start=$(date +%s%N)
    dotnet build "$project" -nologo -v q -clp:NoSummary > /dev/null
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
}

# Median, min and max of the numbers given, in seconds.
stats() {
    printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f s | %.2f s | %.2f s", m / 1000, v[1] / 1000, v[NR] / 1000 }'
}

# The last connection of the first assembly gets a priority line of its own, a different one each round.
edit() {
    cp "$backup" "$spec"
    local server
    server=$(grep -oE 'to [A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*' "$backup" | tail -n 1 | cut -c4-)
    awk -v line="    configuration { ${server}_priority = $((100 + $1)); }" '
        { lines[NR] = $0; if ($0 ~ /^}/) last = NR }
        END { for (i = 1; i <= NR; i++) { if (i == last) print line; print lines[i] } }' "$backup" > "$spec"
}

build > /dev/null   # restore, first compile, generator loaded
unchanged=()
edited=()
for ((i = 1; i <= rounds; i++)); do
    unchanged+=("$(build)")
    edit "$i"
    edited+=("$(build)")
done

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
echo "machine: $cpu, $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GB, $(uname -sr), .NET SDK $(dotnet --version), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), example: $example, $rounds rounds"
echo
echo "| dotnet build of examples/$example | median | min | max |"
echo "|---|---:|---:|---:|"
echo "| no change | $(stats "${unchanged[@]}") |"
echo "| one-line spec edit | $(stats "${edited[@]}") |"
