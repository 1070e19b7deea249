#!/usr/bin/env bash
# Retakes the screenshots of docs/images under Xvfb, from files in this repository only (docs/examples, the real
# corpus, and two registries the CLI makes from them: the virtual Mac booted, and the same machine after
# docs/examples/virtual-mac-hotplug.json plugged a USB stick). Needs xvfb and imagemagick (docs/development.md) and a
# built app/target/ioscope.jar. A workbench shot waits for the state its steps lead to: WorkbenchMain runs them one
# after another, each when the one before has reached its state, and prints "ioscope.shot: ready" when done (at most
# SECONDS x 4 x WAIT); an explorer shot waits SECONDS x WAIT. Then each waits until two grabs 4 s apart are the same
# and not empty.
# Usage: scripts/docs-screenshots.sh [NAME...] (default: all)
#   SHOT_DISPLAY=:11 OUT=docs/images WAIT=1.5 scripts/docs-screenshots.sh explorer-diff workbench-power
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=app/target/ioscope.jar
OUT=${OUT:-docs/images}
D=${SHOT_DISPLAY:-:11}
WAIT=${WAIT:-1}
REAL=engine/src/test/resources/real/snapshots
WB=(-cp "$JAR" dev.ioscope.app.workbench.panels.WorkbenchMain)
XHC1=IOService:/AppleACPIPlatformExpert/PCI0@0/AppleACPIPCI/XHC1@14
HS02=$XHC1/AppleIntelCNLUSBXHCI/HS02@14200000
TMP=$(mktemp -d)
XPID=
SIZE=

stop_xvfb() {
    if [ -n "$XPID" ]; then
        kill "$XPID" 2>/dev/null || true
        wait "$XPID" 2>/dev/null || true
        XPID=
    fi
}
trap 'stop_xvfb; rm -rf "$TMP"' EXIT

screen() {   # WIDTHxHEIGHT: (re)start Xvfb at that size
    if [ "$SIZE" != "$1" ]; then
        stop_xvfb
        Xvfb "$D" -screen 0 "$1x24" -nolisten tcp >"$TMP/xvfb.log" 2>&1 &
        XPID=$!
        SIZE=$1
        sleep 2
    fi
}

shot() {   # NAME SIZE SECONDS JAVA-ARGS...: start the app, wait, grab the screen, stop the app
    local name=$1 size=$2 secs=$3
    shift 3
    if [ ${#WANT[@]} -gt 0 ] && [[ " ${WANT[*]} " != *" $name "* ]]; then
        return
    fi
    screen "$size"
    DISPLAY=$D nice -n 19 java -Dioscope.window="$size" "$@" >"$TMP/$name.log" 2>&1 &
    local pid=$!
    if [[ " $* " == *".WorkbenchMain "* ]]; then
        local limit
        limit=$(echo "$secs * 4 * $WAIT / 1" | bc)
        for _ in $(seq 1 "$limit"); do
            grep -q "ioscope.shot: ready" "$TMP/$name.log" && break
            sleep 1
        done
        grep -q "ioscope.shot: ready" "$TMP/$name.log" || { echo "$name: not ready after $limit s" >&2; cat "$TMP/$name.log" >&2; }
    else
        sleep "$(echo "$secs * $WAIT" | bc)"
    fi
    # then wait until the screen holds still (a load's progress bar, a running clock move it), at most 4 minutes
    import -display "$D" -window root "$TMP/$name.png"
    for _ in $(seq 1 60); do
        sleep 4
        import -display "$D" -window root "$TMP/$name.next.png"
        # still, and a window on it (an empty screen is one colour)
        if [ "$(compare -metric AE "$TMP/$name.png" "$TMP/$name.next.png" null: 2>&1 || true)" = "0" ] \
                && [ "$(identify -format %k "$TMP/$name.png")" -gt 16 ]; then
            break
        fi
        mv "$TMP/$name.next.png" "$TMP/$name.png"
    done
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    convert "$TMP/$name.png" -strip "$OUT/$name.png"
    echo "$OUT/$name.png ($size)"
}

WANT=("$@")
# the two registries of the comparison: the virtual Mac booted, and after the hot-plug example (a SanDisk stick
# in HS02, then block I/O)
nice -n 19 java -jar "$JAR" boot --save "$TMP/virtual-mac-booted.ioreg" >/dev/null
nice -n 19 java -jar "$JAR" run docs/examples/virtual-mac-hotplug.json --save "$TMP/virtual-mac-hotplug.ioreg" >/dev/null
# a 7-plane IORegistryExplorer save and its IOService plane alone as ioreg -l text
nice -n 19 java -jar "$JAR" convert "$REAL/iMac16-1.ioreg" "$TMP/iMac16-1.txt" >/dev/null

# 1280x800
shot explorer-tree-inspector 1280x800 25 -Dioscope.theme=light \
    -Dioscope.select=IOService:/AppleACPIPlatformExpert/PCI0@0/AppleACPIPCI/IGPU@2 -Dioscope.property=device-id \
    -jar "$JAR" "$REAL/iMac16-1.ioreg"
shot explorer-search 1280x800 25 -Dioscope.theme=light -Dioscope.search=XHC -jar "$JAR" "$REAL/iMac16-1.ioreg"
shot explorer-diff-planes 1280x800 30 -Dioscope.theme=dark -Dioscope.compare="$TMP/iMac16-1.txt" \
    -jar "$JAR" "$REAL/iMac16-1.ioreg"
shot workbench-empty 1280x800 30 -Dioscope.theme=light "${WB[@]}" "$REAL/MacBookPro15-1.ioreg"
shot workbench-breakpoint 1280x800 40 -Dioscope.theme=light -Dioscope.wb.breakpoint=CLASS:IntelMausi \
    -Dioscope.wb.do=breakpoint "${WB[@]}" docs/examples/intelmausi-hotplug.json
shot workbench-hackintosh-voodoops2 1280x800 45 -Dioscope.theme=light \
    -Dioscope.wb.kexts=engine/src/test/resources/real/kexts/VoodooPS2 -Dioscope.wb.do=run \
    -Dioscope.wb.select=IOService:/AppleACPIPlatformExpert/PS2K -Dioscope.wb.whynot=ApplePS2Keyboard \
    "${WB[@]}" "$REAL/Hackintosh-DellADL-macOS13.IOService.txt"
shot workbench-dark-1280x800 1280x800 45 -Dioscope.theme=dark \
    -Dioscope.wb.kexts=engine/src/test/resources/real/kexts/VoodooPS2 -Dioscope.wb.do=run \
    -Dioscope.wb.select=IOService:/AppleACPIPlatformExpert/PS2K -Dioscope.wb.whynot=ApplePS2Keyboard \
    "${WB[@]}" "$REAL/Hackintosh-DellADL-macOS13.IOService.txt"
shot workbench-matching-verdicts 1280x800 60 -Dioscope.theme=light -Dioscope.wb.do=run -Dioscope.wb.select=$XHC1 \
    "${WB[@]}" docs/examples/virtual-mac-hotplug.json
SMC=IOService:/AppleACPIPlatformExpert/SMC@0/AppleSMC
# kSMCReadKey (data8 5) of TC0P (keyInfo.dataSize 2) through AppleSMCClient's selector 2, an 80-byte SMCParamStruct
TC0P=5030435400000000000000000000000000000000000000000000000002000000000000000000000000000500000000000000000000000000000000000000000000000000000000000000000000000000
shot workbench-userclient-smc 1280x800 60 -Dioscope.theme=dark -Dioscope.wb.do=run -Dioscope.wb.open=$SMC \
    -Dioscope.wb.call=2:$TC0P "-Dioscope.wb.tab=User clients" -Dioscope.wb.select=$SMC "${WB[@]}"
shot workbench-memory-dma 1280x800 45 -Dioscope.theme=light -Dioscope.wb.do=run "-Dioscope.wb.tab=I/O Kit,Memory & DMA" \
    "${WB[@]}" docs/examples/memory-dma.json
shot workbench-stream-console 1280x800 50 -Dioscope.theme=dark -Dioscope.wb.do=run "-Dioscope.wb.tab=User clients" \
    -Dioscope.wb.stream=frames:open,start,send,send,dequeue "${WB[@]}" docs/examples/stream-camera.json

# This Mac, live, on Linux: a stand-in for macOS's ioreg answers as ioreg would (`ioscope ioreg`), from one boot of
# the virtual Mac with a SanDisk stick in HS02 for the first read (each read starts with the IOService plane), then
# from the same boot with the stick pulled out a second later, so the refresh shows it removed
# (ioscope.live=refresh: Open This Mac, then one Refresh Now)
STICK='{"at": 1000000000, "do": "plug", "parent": "'$HS02'",
 "device": {"type": "usb-device", "device": "120110020000004081078155000101020301",
            "configuration": "0902200001010080700904000002080650000705810200020007050202000200",
            "strings": {"1": "SanDisk", "2": "Ultra", "3": "4C530001231120115142"}}}'
echo '{"actions": ['"$STICK"']}' >"$TMP/stick-in.json"
echo '{"actions": ['"$STICK"', {"at": 2000000000, "do": "unplug", "path": "'$HS02'/Ultra@14200000"}]}' \
    >"$TMP/stick-out.json"
nice -n 19 java -jar "$JAR" run "$TMP/stick-in.json" --save "$TMP/stick-in.ioreg" >/dev/null
nice -n 19 java -jar "$JAR" run "$TMP/stick-out.json" --save "$TMP/stick-out.ioreg" >/dev/null
cat >"$TMP/ioreg" <<FAKE
#!/bin/sh
case " \$* " in *" -p IOService "*) echo read >>"$TMP/ioreg.reads" ;; esac
if [ "\$(wc -l <"$TMP/ioreg.reads")" -le 1 ]; then f="$TMP/stick-in.ioreg"; else f="$TMP/stick-out.ioreg"; fi
exec java -XX:TieredStopAtLevel=1 -jar "$PWD/$JAR" ioreg "\$@" "\$f"
FAKE
chmod +x "$TMP/ioreg"
: >"$TMP/ioreg.reads"
shot explorer-live 1280x800 40 -Dioscope.theme=light -Dioscope.ioreg="$TMP/ioreg" -Dioscope.live=refresh \
    "-Dioscope.select=$HS02" "-Dioscope.tab=Live Log" -jar "$JAR"

# 1920x1080
shot explorer-dark-source 1920x1080 25 -Dioscope.theme=dark -Dioscope.tab=Source \
    -Dioscope.select=IOService:/AppleACPIPlatformExpert/PCI0@0/AppleACPIPCI/IGPU@2 -jar "$JAR" "$REAL/iMac16-1.ioreg"
shot explorer-diff 1920x1080 30 -Dioscope.theme=light -Dioscope.compare="$TMP/virtual-mac-hotplug.ioreg" \
    -jar "$JAR" "$TMP/virtual-mac-booted.ioreg"
shot workbench-timeline-matching 1920x1080 60 -Dioscope.theme=light -Dioscope.wb.do=run -Dioscope.wb.event=2019 \
    -Dioscope.wb.select=$XHC1 -Dioscope.wb.whynot=AppleUSBXHCIPCI "${WB[@]}" docs/examples/virtual-mac-hotplug.json
shot workbench-power 1920x1080 40 -Dioscope.theme=dark -Dioscope.wb.do=run -Dioscope.wb.event=107 \
    -Dioscope.wb.select=IOService:/bus/disk -Dioscope.wb.tab=Power "${WB[@]}" docs/examples/power-sleep-wake.json
shot workbench-userclient 1920x1080 40 -Dioscope.theme=light -Dioscope.wb.do=run "-Dioscope.wb.tab=User clients" \
    -Dioscope.wb.select=IOService:/demo "${WB[@]}" docs/examples/userclient-demo.json
shot workbench-devices 1920x1080 70 -Dioscope.theme=light -Dioscope.wb.do=run -Dioscope.wb.tab=Devices \
    "-Dioscope.wb.plug=$HS02,USB flash drive" "${WB[@]}"
shot workbench-compare-steps 1920x1080 80 -Dioscope.theme=dark -Dioscope.wb.do=run "-Dioscope.wb.plug=$HS02,USB flash drive" \
    -Dioscope.wb.compare=true "${WB[@]}"
shot workbench-ioreport 1920x1080 60 -Dioscope.theme=light -Dioscope.wb.do=run -Dioscope.wb.tab=IOReport \
    "-Dioscope.wb.reports=Block Storage,SMC" "${WB[@]}" docs/examples/ioreport-virtual-mac.json
