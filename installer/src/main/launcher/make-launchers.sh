#!/bin/sh
# Replaces the native launchers of a jpackage app image (bin/NAME, one per lib/app/NAME.cfg) with POSIX sh scripts
# that exec the image's own runtime (lib/runtime/bin/java) with the cfg's java-options, then -Djpackage.app-path,
# the class path and the main class, then "$@": the JVM gets what jpackage's launcher gave it. That launcher asks the
# package managers who owns it on every start (`rpm -qf`, `dpkg -S` through sh: 0.3-0.45 s before the JVM on the
# 2-core machine; docs/installing.md "The launchers"). The cfg, written by jpackage from installer/pom.xml's
# javaOptions, is the one list of options: each script is made from it, then the cfg and lib/libapplauncher.so (read
# by nothing else) are deleted. Any cfg entry this script does not know stops the build: nothing jpackage would have
# passed is dropped silently.
#
# usage: make-launchers.sh IMAGE     (IMAGE: the app image folder, e.g. installer/target/jpackage/IOScope)
set -eu

fail() {
    echo "make-launchers: $*" >&2
    exit 2
}

[ $# -eq 1 ] || { echo "usage: make-launchers.sh IMAGE" >&2; exit 1; }
image=$1
[ -d "$image/lib/app" ] || fail "$image: not a jpackage app image (no lib/app)"
[ -x "$image/lib/runtime/bin/java" ] || fail "$image/lib/runtime/bin/java: missing (jlink without bin/java?)"

# One shell word in double quotes: jpackage's $APPDIR, $BINDIR and $ROOTDIR expand when the launcher runs (the
# script sets them as jpackage's launcher does), every other character stands for itself.
quote() {
    printf '"%s"' "$(printf '%s' "$1" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\\$APPDIR/$APPDIR/g' \
        -e 's/\\\$BINDIR/$BINDIR/g' -e 's/\\\$ROOTDIR/$ROOTDIR/g')"
}

found=0
for cfg in "$image"/lib/app/*.cfg; do
    [ -f "$cfg" ] || continue
    name=$(basename "$cfg" .cfg)
    launcher="$image/bin/$name"
    [ -f "$launcher" ] || fail "$cfg: no launcher $launcher"
    classpath=""
    main=""
    options=""
    section=""
    n=0
    while IFS= read -r line || [ -n "$line" ]; do
        n=$((n + 1))
        case "$line" in
            "") continue ;;
            "["*"]") section=$line; continue ;;
            *=*) ;;
            *) fail "$cfg:$n: not key=value: $line" ;;
        esac
        key=${line%%=*}
        value=${line#*=}
        case "$section $key" in
            "[Application] app.classpath") classpath="$classpath${classpath:+:}$value" ;;
            "[Application] app.mainclass") main=$value ;;
            "[JavaOptions] java-options") options="$options
    $(quote "$value") \\" ;;
            *) fail "$cfg:$n: $section $key is not handled by the script launchers: $line" ;;
        esac
    done < "$cfg"
    [ -n "$main" ] || fail "$cfg: no app.mainclass"
    [ -n "$classpath" ] || fail "$cfg: no app.classpath"
    script="$launcher.sh.tmp"
    cat > "$script" <<SCRIPT
#!/bin/sh
# IOScope's launcher $name, written by the build (installer/src/main/launcher/make-launchers.sh) from
# the options jpackage was given (installer/pom.xml): the bundled runtime, started directly (docs/installing.md,
# "The launchers"). The image folder is found from this file's own path, through any symbolic link (/usr/bin/ioscope).
self=\$(readlink -f -- "\$0") || exit 3
BINDIR=\${self%/*}
ROOTDIR=\${BINDIR%/*}
APPDIR=\$ROOTDIR/lib/app
exec "\$ROOTDIR/lib/runtime/bin/java" \\$options
    "-Djpackage.app-path=\$self" \\
    -classpath $(quote "$classpath") \\
    $(quote "$main") "\$@"
SCRIPT
    chmod 755 "$script"
    mv -f "$script" "$launcher"
    rm -f "$cfg"
    found=$((found + 1))
done
[ "$found" -gt 0 ] || fail "$image/lib/app: no launcher configuration (*.cfg)"
rm -f "$image/lib/libapplauncher.so"
echo "make-launchers: $found launcher(s) in $image/bin are scripts"
