#!/usr/bin/env bash
# A launcher's own cost, before and after (issues 18 and 22; docs/benchmarks.md "The launchers (issue 22/18)"):
# `LAUNCHER --version` for each launcher given, interleaved, each round a fresh process. Reports, per launcher, the
# best and the median of the process's wall time and its CPU time (user + sys, all threads and children: jpackage's
# native launcher runs `rpm -qf` and `dpkg -S` before the JVM; the build's script launchers run no child but java).
# Run it under `flock /work/notes/bench.lock` where others benchmark.
#
# usage: scripts/bench-launcher.sh ROUNDS LAUNCHER...    (e.g. 15 before/IOScope/bin/ioscope-cli
#                                                          installer/target/jpackage/IOScope/bin/ioscope-cli)
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: scripts/bench-launcher.sh ROUNDS LAUNCHER..." >&2; exit 1; }
rounds=$1
shift
for l in "$@"; do
    [ -x "$l" ] || { echo "bench-launcher: $l is not an executable launcher" >&2; exit 1; }
done
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

for ((r = 1; r <= rounds; r++)); do
    i=0
    for l in "$@"; do
        i=$((i + 1))
        t0=$(date +%s%N)
        /usr/bin/time -f "%U %S" -o "$out/time" "$l" --version > /dev/null
        t1=$(date +%s%N)
        read -r user sys < "$out/time"
        echo "$(( (t1 - t0) / 1000000 )) $(echo "($user + $sys) * 1000" | bc | cut -d. -f1)" >> "$out/$i"
    done
done

summary() { # column: best / median
    sort -n | awk '{ v[NR] = $1 } END { printf "%s / %s", v[1], v[int((NR + 1) / 2)] }'
}
echo "\`LAUNCHER --version\`: $rounds interleaved rounds, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %-60s | %-22s | %-22s |\n' "launcher" "process wall ms" "process CPU ms"
i=0
for l in "$@"; do
    i=$((i + 1))
    printf '| %-60s | %-22s | %-22s |\n' "$l ($(head -c 2 "$l" | grep -q '#!' && echo script || echo native))" \
        "$(cut -d' ' -f1 "$out/$i" | summary)" "$(cut -d' ' -f2 "$out/$i" | summary)"
done
