#!/usr/bin/env bash
# View > Open Synthetic 100k Registry in the real window (UiBench, -Dioscope.bench.only=open), several jars
# interleaved round by round: open -> first frame with the tree (wall), the job thread's build, the FX thread's
# and the process's CPU, and the GC pauses in between. docs/benchmarks.md, "Sixth session".
#   scripts/bench-open-100k.sh ROUNDS JAR...      (DISPLAY must name an X server, e.g. Xvfb 1280x800)
# On a shared machine set BENCH_LOCK to a lock file every benchmark takes (flock), so runs do not overlap.
set -euo pipefail
rounds=${1:?rounds}; shift
file="$(cd "$(dirname "$0")/.." && pwd)/engine/src/test/resources/real/snapshots/MacBookPro15-1.ioreg"
run() {
    if [ -n "${BENCH_LOCK:-}" ]; then flock "$BENCH_LOCK" "$@"; else "$@"; fi
}
for r in $(seq 1 "$rounds"); do
    for jar in "$@"; do
        echo "== round $r, $jar, load$(uptime | sed 's/.*load average//')"
        run java ${BENCH_JAVA_OPTS:-} -Dioscope.bench=ui -Dioscope.bench.only=open -jar "$jar" "$file" 2>&1 | grep -E '^(synthetic|    same)'
    done
done
