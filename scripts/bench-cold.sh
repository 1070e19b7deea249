#!/usr/bin/env bash
# Cold `ioscope info` against its peer, side by side in one run (issues 18 and 22; docs/benchmarks.md "Cold start").
# Each round runs every variant once, interleaved, each in a fresh process, and starts one variant later than the
# round before (so no variant always runs right after the same other one):
#   jar, JDK 17            java -jar app/target/ioscope.jar (the machine's java)
#   jar + CDS, JDK 17      the same with -XX:SharedArchiveFile=app/target/ioscope-cds.jsa (when the build made it)
#   jar, JDK 25            the same jar on a Java 25 JDK (BENCH_JDK25, default /usr/lib/jvm/temurin-25-jdk-amd64,
#   jar + AOT, JDK 25      when present), without and with an AOT cache (JEP 514/515) this script trains first on
#                          the same `info FILE` (the cache names the jar's path, so it lives in the scratch folder)
#   app image              installer/target/jpackage/IOScope/bin/ioscope-cli (when built), as the build left it
#   installed (.deb)       the built .deb's files extracted into a scratch root (dpkg-deb -x, when both exist),
#                          its start-up cache made or checked as postinst does, and its ioscope-cli run there
#   app image, before      BENCH_BASE_IMAGE=DIR: another build's app image (a copy kept from before a change)
#   installed, before      BENCH_BASE_DEB=FILE: another build's .deb, extracted and readied as above
#   python plistlib        scripts/plistlib-cold-ioreg.py: the archive and every embedded property plist
# Reports, per variant, the best and the median of: the load time the program prints, the process's wall time,
# and its CPU time (user + sys, all threads). Run it under `flock /work/notes/bench.lock` where others benchmark.
#
# usage: scripts/bench-cold.sh [ROUNDS] [FILE]     (defaults: 7, the corpus's MacBookPro15-1.ioreg)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-7}"
file="${2:-engine/src/test/resources/real/snapshots/MacBookPro15-1.ioreg}"
jar=app/target/ioscope.jar
jsa=app/target/ioscope-cds.jsa
image=installer/target/jpackage/IOScope
jdk25="${BENCH_JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -f "$jar" ] || { echo "bench-cold: build first (./mvnw -q install -DskipTests)" >&2; exit 1; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

variants=("jar, JDK 17")
[ -f "$jsa" ] && variants+=("jar + CDS, JDK 17")
if [ -x "$jdk25/bin/java" ]; then
    cp -p "$jar" "$out/ioscope.jar"
    "$jdk25/bin/java" -XX:AOTCacheOutput="$out/ioscope.aot" -cp "$out/ioscope.jar" dev.ioscope.app.Launcher \
        info "$file" > /dev/null 2> "$out/aot-training.txt"
    variants+=("jar, JDK 25" "jar + AOT, JDK 25")
fi
[ -x "$image/bin/ioscope-cli" ] && variants+=("app image")
base_image="${BENCH_BASE_IMAGE:-}"
if [ -n "$base_image" ]; then
    [ -x "$base_image/bin/ioscope-cli" ] || { echo "bench-cold: $base_image has no bin/ioscope-cli" >&2; exit 1; }
    variants+=("app image, before")
fi
# Extracts the .deb $1 into $out/$2 and makes or readies its start-up cache as postinst does; sets installed.
extract_deb() {
    dpkg-deb -x "$1" "$out/$2"
    installed="$out/$2/opt/ioscope"
    for t in "$installed"/lib/app/*.jar.time; do # a Java 25 runtime: each jar's time, as postinst sets it
        [ -f "$t" ] && touch -d "@$(cat "$t")" "${t%.time}"
    done
    if [ -f "$installed/lib/app/ioscope.classlist" ]; then # a JDK 17 runtime: dump the archive as postinst does
        JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$installed/lib/app/ioscope.classlist \
            -XX:SharedArchiveFile=$installed/lib/app/ioscope.jsa" "$installed/bin/ioscope-cli" --version > /dev/null
    fi
}
deb="$(ls installer/target/installer/*.deb 2> /dev/null | head -n 1 || true)"
if [ -n "$deb" ] && command -v dpkg-deb > /dev/null; then
    extract_deb "$deb" root
    variants+=("installed (.deb)")
fi
base_deb="${BENCH_BASE_DEB:-}"
if [ -n "$base_deb" ]; then
    extract_deb "$base_deb" base-root
    base_installed="$installed"
    installed="$out/root/opt/ioscope"
    variants+=("installed, before")
fi
variants+=("python plistlib")

command_for() {
    case "$1" in
        "jar, JDK 17") echo java -jar "$jar" info "$file" ;;
        "jar + CDS, JDK 17") echo java -XX:SharedArchiveFile="$jsa" -jar "$jar" info "$file" ;;
        "jar, JDK 25") echo "$jdk25/bin/java" -cp "$out/ioscope.jar" dev.ioscope.app.Launcher info "$file" ;;
        "jar + AOT, JDK 25") echo "$jdk25/bin/java" -XX:AOTCache="$out/ioscope.aot" -cp "$out/ioscope.jar" \
            dev.ioscope.app.Launcher info "$file" ;;
        "app image") echo "$image/bin/ioscope-cli" info "$file" ;;
        "installed (.deb)") echo "$installed/bin/ioscope-cli" info "$file" ;;
        "app image, before") echo "$base_image/bin/ioscope-cli" info "$file" ;;
        "installed, before") echo "$base_installed/bin/ioscope-cli" info "$file" ;;
        "python plistlib") echo python3 scripts/plistlib-cold-ioreg.py "$file" ;;
    esac
}

for ((r = 1; r <= rounds; r++)); do
    for ((i = 0; i < ${#variants[@]}; i++)); do # each round starts one variant later: no variant always follows another
        v="${variants[(i + r - 1) % ${#variants[@]}]}"
        key="${v//[ ,.()+]/_}"
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
echo "cold \`info $(basename "$file")\`: $rounds interleaved rounds, $(nproc) cores, load average" \
    "$(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -n 1)"
printf '| %-20s | %-22s | %-22s | %-22s |\n' "variant" "load ms (best / median)" "process wall ms" "process CPU ms"
for v in "${variants[@]}"; do
    key="${v//[ ,.()+]/_}"
    printf '| %-20s | %-22s | %-22s | %-22s |\n' "$v" "$(cut -d' ' -f1 "$out/$key" | summary)" \
        "$(cut -d' ' -f2 "$out/$key" | summary)" "$(cut -d' ' -f3 "$out/$key" | summary)"
done
