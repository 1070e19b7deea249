#!/usr/bin/env python3
"""Convert an IORegistryExplorer .ioreg archive into the XML that `ioreg -a -l -i -p PLANE` would print.

Used only to make a benchmark input from a real snapshot (no real `ioreg -a` dump is public). Each entry's
dictionary is its real property table (the XML plist the archive embeds) plus ioreg's synthetic keys
(IOKitTools ioreg.c archive()): IORegistryEntryName/Location, IORegistryEntryID, IOObjectClass,
IOObjectInheritance (root first, without OSObject), IOObjectRetainCount and, for IOService objects,
IOServiceState / IOServiceBusyState / IOServiceBusyTime. The archive keeps no kernel entry ID, so the ID is
0x100000100 + entryTag - 1 (XNU numbers entries up from the root's 0x100000100); it has no busy time, so 0.
An entry with two parents is written under both, with the same ID, as ioreg does.

usage: ioreg_archive_to_xml.py IN.ioreg OUT.xml [PLANE]
"""
import plistlib
import sys


def main(src, dst, plane="IOService"):
    with open(src, "rb") as f:
        archive = plistlib.load(f)
    objs = archive["$objects"]

    def res(x):
        return objs[x.data] if isinstance(x, plistlib.UID) else x

    def ns_list(x):
        x = res(x)
        return [res(o) for o in x["NS.objects"]] if isinstance(x, dict) else []

    def ns_dict(x):
        x = res(x)
        if not isinstance(x, dict) or "NS.keys" not in x:
            return {}
        return {res(k): v for k, v in zip(x["NS.keys"], x["NS.objects"])}

    def text(x):
        x = res(x)
        return None if x == "$null" else x

    top = res(archive["$top"]["root"])
    entries = ns_list(top["registryEntries"])
    root = next(e for e in entries if e.get("isRegistryRoot"))

    def convert(e):
        props = res(e["properties"])
        if isinstance(props, dict) and "NS.data" in props:
            props = props["NS.data"]
        d = plistlib.loads(props) if isinstance(props, bytes) and props else {}
        names = ns_dict(e.get("namesInPlanes"))
        locs = ns_dict(e.get("locationsInPlanes"))
        d["IORegistryEntryName"] = text(names.get(plane)) or text(e["name"])
        loc = text(locs.get(plane)) or text(e.get("location"))
        if loc is not None:
            d["IORegistryEntryLocation"] = loc
        d["IORegistryEntryID"] = 0x100000100 + e["entryTag"] - 1
        chain = [text(c) for c in ns_list(e["inheritance"])]
        d["IOObjectClass"] = chain[0]
        d["IOObjectInheritance"] = [c for c in reversed(chain) if c != "OSObject"]
        d["IOObjectRetainCount"] = e["kernelRetainCount"]
        if e.get("conformsToIOService"):
            state = (0 if e["isActive"] else 1) | (0x0a if e["isRegistered"] else 0) | (0x14 if e["isMatched"] else 0)
            d["IOServiceState"] = state
            d["IOServiceBusyState"] = e["busyCount"]
            d["IOServiceBusyTime"] = 0
        kids = ns_list(ns_dict(e.get("childrenInPlanes")).get(plane, plistlib.UID(0))) \
            if plane in ns_dict(e.get("childrenInPlanes")) else []
        if kids:
            d["IORegistryEntryChildren"] = [convert(k) for k in kids]
        return d

    out = plistlib.dumps(convert(root), fmt=plistlib.FMT_XML, sort_keys=True)
    with open(dst, "wb") as f:
        f.write(out)
    print(f"{dst}: {len(out)} bytes")


if __name__ == "__main__":
    main(*sys.argv[1:])
