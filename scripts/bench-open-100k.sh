#!/usr/bin/env bash
# View > Open Synthetic 100k Registry in the real window (UiBench, -Dioscope.bench.only=open), several jars
# interleaved round by round: open -> first frame with the tree (wall), the job thread's build, the FX thread's
# and the process's CPU, and the GC pauses in between. docs/benchmarks.md, "Sixth session".
#   scripts/bench-open-100k.sh ROUNDS JAR...      (DISPLAY must name an X server, e.g. Xvfb 1280x800)
# BENCH_ONLY=first-search: also the first search typed right after the frame (and its GC pauses);
# BENCH_JAVA_OPTS="-Dioscope.bench.pause=4000": open the 100k registry 4 s after the first file's frame (an idle
# window: the file's property tables and index are built by then) instead of at once.
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
        run java ${BENCH_JAVA_OPTS:-} -Dioscope.bench=ui -Dioscope.bench.only="${BENCH_ONLY:-open}" -jar "$jar" "$file" \
            2>&1 | grep -E '^(synthetic|search|    same)'
    done
done
