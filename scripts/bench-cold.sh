#!/usr/bin/env bash
# Cold `ioscope info` against its peer, side by side in one run (issue 18; docs/benchmarks.md "Cold start").
# Each round runs every variant once, interleaved, each in a fresh process: IOScope through `java -jar`,
# `java -XX:SharedArchiveFile=... -jar` (when app/target/ioscope-cds.jsa exists), the app image's console launcher
# (when installer/target/jpackage exists), and Python's plistlib reading the archive and every property plist.
# Reports, per variant, the best and the median of: the load time the program prints, the process's wall time,
# and its CPU time (user + sys, all threads). Take the best on a shared machine; CPU time is the steadier one.
#
# usage: scripts/bench-cold.sh [ROUNDS] [FILE]     (defaults: 7, the corpus's MacBookPro15-1.ioreg)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-7}"
file="${2:-engine/src/test/resources/real/snapshots/MacBookPro15-1.ioreg}"
jar=app/target/ioscope.jar
jsa=app/target/ioscope-cds.jsa
image=installer/target/jpackage/IOScope
[ -f "$jar" ] || { echo "bench-cold: build first (./mvnw -q install -DskipTests)" >&2; exit 1; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

variants=("java -jar")
[ -f "$jsa" ] && variants+=("java -jar + CDS")
[ -x "$image/bin/ioscope-cli" ] && variants+=("app image")
variants+=("python plistlib")

command_for() {
    case "$1" in
        "java -jar") echo java -jar "$jar" info "$file" ;;
        "java -jar + CDS") echo java -XX:SharedArchiveFile="$jsa" -jar "$jar" info "$file" ;;
        "app image") echo "$image/bin/ioscope-cli" info "$file" ;;
        "python plistlib") echo python3 scripts/plistlib-cold-ioreg.py "$file" ;;
    esac
}

for ((r = 1; r <= rounds; r++)); do
    for v in "${variants[@]}"; do
        key="${v// /_}"
        t0=$(date +%s%N)
        /usr/bin/time -f "%U %S" -o "$out/time" $(command_for "$v") > "$out/stdout"
        t1=$(date +%s%N)
        load=$(grep -oE 'load:? +[0-9.]+' "$out/stdout" | grep -oE '[0-9.]+$')
        read -r user sys < "$out/time"
        echo "$load $(( (t1 - t0) / 1000000 )) $(echo "($user + $sys) * 1000" | bc | cut -d. -f1)" >> "$out/$key"
    done
done

summary() { # column: best / median
    sort -n | awk '{ v[NR] = $1 } END { printf "%s / %s", v[1], v[int((NR + 1) / 2)] }'
}
echo "cold \`info $(basename "$file")\`: $rounds interleaved rounds, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %-18s | %-22s | %-22s | %-22s |\n' "variant" "load ms (best / median)" "process wall ms" "process CPU ms"
for v in "${variants[@]}"; do
    key="${v// /_}"
    printf '| %-18s | %-22s | %-22s | %-22s |\n' "$v" "$(cut -d' ' -f1 "$out/$key" | summary)" \
        "$(cut -d' ' -f2 "$out/$key" | summary)" "$(cut -d' ' -f3 "$out/$key" | summary)"
done
