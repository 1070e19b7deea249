#!/usr/bin/env python3
"""The cold-read peer of `ioscope info FILE.ioreg` (issue 18): Python's plistlib reads an IORegistryExplorer
archive and every entry's embedded property plist, as IOScope's reader does, in a fresh process.

Prints one line: entries, property tables read, and the read time in ms (from before opening the file to after
the last property plist; interpreter start-up is outside it, the caller's process timer sees it).

usage: plistlib-cold-ioreg.py FILE.ioreg
"""
import plistlib
import sys
import time


def main(path):
    t0 = time.perf_counter()
    with open(path, "rb") as f:
        archive = plistlib.load(f)
    objs = archive["$objects"]

    def res(x):
        return objs[x.data] if isinstance(x, plistlib.UID) else x

    top = res(archive["$top"]["root"])
    entries = [res(o) for o in res(top["registryEntries"])["NS.objects"]]
    tables = 0
    for e in entries:
        props = res(e["properties"])
        if isinstance(props, dict) and "NS.data" in props:
            props = props["NS.data"]
        if isinstance(props, bytes) and props:
            plistlib.loads(props)
            tables += 1
    ms = (time.perf_counter() - t0) * 1000
    print(f"entries {len(entries)} tables {tables} load {ms:.1f} ms")


if __name__ == "__main__":
    main(sys.argv[1])
