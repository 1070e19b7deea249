#!/usr/bin/env bash
# The first window against its peer, side by side in one run (issue 18; docs/benchmarks.md "First window").
# Each round runs every variant once, interleaved, each in a fresh JVM under X: a JavaFX hello-world window from
# the same jar (dev.ioscope.app.HelloWindow), the app with no file (the booted virtual Mac) and the app on FILE,
# plus the same two with the jar's CDS archive when app/target/ioscope-cds.jsa exists. With
# -Dioscope.bench=first-window each prints one line once the frame showing its content (the app: the registry
# tree of its first document) has been rendered, then halts; see dev.ioscope.app.FirstFrameMark.
# Reports, per variant, best and median of: the time from JVM start to that frame (as the program prints it), the
# process's wall time from `java` to its exit, its CPU time (user + sys, all threads) and the FX thread's CPU time
# to the frame; the ratio to hello world is taken on the medians. On a shared machine CPU time is the steadier
# figure.
#
# usage: scripts/bench-first-window.sh [ROUNDS] [FILE]  (defaults: 5, the corpus's MacBookPro15-1.ioreg)
# Needs an X display: $DISPLAY if set, else it starts `Xvfb :12` (BENCH_DISPLAY overrides) and stops it after.
# BENCH_JDK25=JAVA_HOME (a Java 25 JDK) adds, per round: hello world, the app with no file and the app on FILE,
# each on that JDK with an AOT cache (-XX:AOTCache) trained before the rounds, the app's by the headless training
# run (dev.ioscope.app.FirstWindowTraining FILE, with app/target/training/openjfx-monocle.jar), hello world's by
# one run of its own; plus the app with no file on that JDK without a cache.
# BENCH_BASE_JAR=JAR (an earlier build of the jar) adds the app with no file and on FILE from that jar: before and
# after a change, in the same rounds.
# BENCH_LAUNCHER=LAUNCHER (an installed or built app's GUI launcher: /opt/ioscope/bin/IOScope, or
# installer/target/jpackage/IOScope/bin/IOScope) adds the app through that launcher, with no file and on FILE, as a
# user starts it: its own runtime, java-options and start-up cache (the Linux launcher script, or jpackage's cfg).
# The bench properties reach the launcher's JVM through JAVA_TOOL_OPTIONS (the JVM reads it whatever starts it; the
# launchers take no JVM options on their command line). The peer on the same JVM: hello world on the launcher's own runtime
# (lib/runtime/bin/java, when the runtime kept it), and with its own AOT cache when that runtime makes one.
# BENCH_LAUNCHER_FLAGS="-XX:..." adds the launcher's two variants again with those JVM options (JAVA_TOOL_OPTIONS).
# BENCH_BASE_LAUNCHER=LAUNCHER (another build's or a copy's GUI launcher) adds its two variants: before and after.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}"
file="${2:-engine/src/test/resources/real/snapshots/MacBookPro15-1.ioreg}"
jar=app/target/ioscope.jar
jsa=app/target/ioscope-cds.jsa
[ -f "$jar" ] || { echo "bench-first-window: build first (./mvnw -q install -DskipTests)" >&2; exit 1; }
out="$(mktemp -d)"
xvfb=""
cleanup() {
    [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null
    rm -rf "$out"
}
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ]; then
    export DISPLAY="${BENCH_DISPLAY:-:12}"
    Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp > /dev/null 2>&1 &
    xvfb=$!
    sleep 1
fi

# The app's preferences (recent files) go to a scratch folder, not the user's.
java_opts=(-Dioscope.bench=first-window -Djava.util.prefs.userRoot="$out/prefs")
variants=("hello world" "app, no file" "app, $(basename "$file")")
[ -f "$jsa" ] && variants+=("app, no file + CDS" "app, $(basename "$file") + CDS")
base="${BENCH_BASE_JAR:-}"
[ -n "$base" ] && variants+=("base jar, no file" "base jar, $(basename "$file")")
jdk25="${BENCH_JDK25:-}"
if [ -n "$jdk25" ]; then
    monocle=app/target/training/openjfx-monocle.jar
    [ -f "$monocle" ] || { echo "bench-first-window: $monocle missing (build the app)" >&2; exit 1; }
    "$jdk25/bin/java" -XX:AOTCacheOutput="$out/app.aot" -cp "$jar:$monocle" dev.ioscope.app.FirstWindowTraining \
        "$file" > "$out/train.log" 2>&1 || { cat "$out/train.log" >&2; exit 3; }
    "$jdk25/bin/java" -XX:AOTCacheOutput="$out/hello.aot" "${java_opts[@]}" -cp "$jar" dev.ioscope.app.HelloWindow \
        > "$out/train.log" 2>&1 || { cat "$out/train.log" >&2; exit 3; }
    variants+=("hello world, JDK 25 + AOT" "app, no file, JDK 25" "app, no file, JDK 25 + AOT"
        "app, $(basename "$file"), JDK 25 + AOT")
fi

launcher="${BENCH_LAUNCHER:-}"
launcher_flags="${BENCH_LAUNCHER_FLAGS:-}"
if [ -n "$launcher" ]; then
    [ -x "$launcher" ] || { echo "bench-first-window: $launcher is not an executable launcher" >&2; exit 1; }
    runtime_java="$(dirname "$launcher")/../lib/runtime/bin/java"
    variants+=("launcher, no file" "launcher, $(basename "$file")")
    [ -n "$launcher_flags" ] && variants+=("launcher + flags, no file" "launcher + flags, $(basename "$file")")
    base_launcher="${BENCH_BASE_LAUNCHER:-}"
    if [ -n "$base_launcher" ]; then
        [ -x "$base_launcher" ] || { echo "bench-first-window: $base_launcher is not executable" >&2; exit 1; }
        variants+=("base launcher, no file" "base launcher, $(basename "$file")")
    fi
    if [ -x "$runtime_java" ]; then
        variants+=("hello world, launcher's runtime")
        if "$runtime_java" -XX:AOTCacheOutput="$out/hello-rt.aot" "${java_opts[@]}" -cp "$jar" \
                dev.ioscope.app.HelloWindow > "$out/train.log" 2>&1; then
            variants+=("hello world, launcher's runtime + AOT")
        fi
    fi
fi
# JAVA_TOOL_OPTIONS for a launcher: the bench properties, then any flags
launcher_env() {
    cmd=(env "JAVA_TOOL_OPTIONS=${java_opts[*]}${1:+ $1}")
}

# Sets cmd to the command line of variant $1.
command_for() {
    cmd=()
    case "$1" in
        "launcher, no file") launcher_env; cmd+=("$launcher") ;;
        "launcher, "*) launcher_env; cmd+=("$launcher" "$file") ;;
        "launcher + flags, no file") launcher_env "$launcher_flags"; cmd+=("$launcher") ;;
        "base launcher, no file") launcher_env; cmd+=("$base_launcher") ;;
        "base launcher, "*) launcher_env; cmd+=("$base_launcher" "$file") ;;
        "launcher + flags, "*) launcher_env "$launcher_flags"; cmd+=("$launcher" "$file") ;;
        "hello world, launcher's runtime")
            cmd=("$runtime_java" "${java_opts[@]}" -cp "$jar" dev.ioscope.app.HelloWindow) ;;
        "hello world, launcher's runtime + AOT") cmd=("$runtime_java" -XX:AOTCache="$out/hello-rt.aot" \
            "${java_opts[@]}" -cp "$jar" dev.ioscope.app.HelloWindow) ;;
        "base jar, no file") cmd=(java "${java_opts[@]}" -jar "$base") ;;
        "base jar, "*) cmd=(java "${java_opts[@]}" -jar "$base" "$file") ;;
        "hello world, JDK 25 + AOT") cmd=("$jdk25/bin/java" -XX:AOTCache="$out/hello.aot" "${java_opts[@]}" -cp "$jar" \
            dev.ioscope.app.HelloWindow) ;;
        "app, no file, JDK 25") cmd=("$jdk25/bin/java" "${java_opts[@]}" -jar "$jar") ;;
        "app, no file, JDK 25 + AOT")
            cmd=("$jdk25/bin/java" -XX:AOTCache="$out/app.aot" "${java_opts[@]}" -jar "$jar") ;;
        *", JDK 25 + AOT") cmd=("$jdk25/bin/java" -XX:AOTCache="$out/app.aot" "${java_opts[@]}" -jar "$jar" "$file") ;;
        "hello world") cmd=(java "${java_opts[@]}" -cp "$jar" dev.ioscope.app.HelloWindow) ;;
        "app, no file") cmd=(java "${java_opts[@]}" -jar "$jar") ;;
        "app, no file + CDS") cmd=(java -XX:SharedArchiveFile="$jsa" "${java_opts[@]}" -jar "$jar") ;;
        *" + CDS") cmd=(java -XX:SharedArchiveFile="$jsa" "${java_opts[@]}" -jar "$jar" "$file") ;;
        *) cmd=(java "${java_opts[@]}" -jar "$jar" "$file") ;;
    esac
}

for ((r = 1; r <= rounds; r++)); do
    for v in "${variants[@]}"; do
        key="$(echo "$v" | tr -c 'A-Za-z0-9\n' _)"
        t0=$(date +%s%N)
        command_for "$v"
        /usr/bin/time -f "%U %S" -o "$out/time" timeout 300 "${cmd[@]}" > "$out/stdout" 2> "$out/stderr" \
            || { echo "bench-first-window: '$v' failed:" >&2; cat "$out/stderr" >&2; exit 3; }
        t1=$(date +%s%N)
        frame=$(grep -m1 -oE 'first frame drawn: [0-9]+' "$out/stdout" | grep -oE '[0-9]+$') \
            || { echo "bench-first-window: '$v' printed no first-frame line" >&2; exit 3; }
        fx=$(grep -m1 -oE 'first frame drawn: .*FX thread CPU [0-9]+' "$out/stdout" | grep -oE '[0-9]+$')
        read -r user sys < <(tail -1 "$out/time")
        echo "$frame $(( (t1 - t0) / 1000000 )) $(echo "($user + $sys) * 1000" | bc | cut -d. -f1) $fx" \
            >> "$out/$key"
    done
done

summary() { # column: best / median
    sort -n | awk '{ v[NR] = $1 } END { printf "%s / %s", v[1], v[int((NR + 1) / 2)] }'
}
median() {
    sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
hello="$(echo "hello world" | tr -c 'A-Za-z0-9\n' _)"
echo "first window: $rounds interleaved rounds, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)," \
    "$(java -version 2>&1 | head -1)"
printf '| %-40s | %-20s | %-20s | %-20s | %-20s | %-15s |\n' "variant" "frame ms (best / median)" \
    "process wall ms" "process CPU ms" "FX thread CPU ms" "× hello (wall / CPU)"
for v in "${variants[@]}"; do
    key="$(echo "$v" | tr -c 'A-Za-z0-9\n' _)"
    ratio_w=$(echo "scale=2; $(cut -d' ' -f2 "$out/$key" | median) / $(cut -d' ' -f2 "$out/$hello" | median)" | bc)
    ratio_c=$(echo "scale=2; $(cut -d' ' -f3 "$out/$key" | median) / $(cut -d' ' -f3 "$out/$hello" | median)" | bc)
    printf '| %-40s | %-24s | %-20s | %-20s | %-20s | %-20s |\n' "$v" "$(cut -d' ' -f1 "$out/$key" | summary)" \
        "$(cut -d' ' -f2 "$out/$key" | summary)" "$(cut -d' ' -f3 "$out/$key" | summary)" \
        "$(cut -d' ' -f4 "$out/$key" | summary)" "$ratio_w / $ratio_c"
done
