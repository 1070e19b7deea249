#!/usr/bin/env python3
"""Prints every (class, superclass) pair found in the `inheritance` chains of IORegistryExplorer .ioreg files,
sorted, in iokit-classes.txt's "Class Superclass" form. Used once to extend
engine/src/main/resources/dev/ioscope/engine/registry/iokit-classes.txt:

    python3 scripts/ioreg-class-pairs.py engine/src/test/resources/real/snapshots/MacBookPro15-1.ioreg \
        engine/src/test/resources/real/snapshots/iMac16-1.ioreg

When files disagree on a class's superclass (a class re-parented between macOS versions), the pair from the
file given FIRST is printed and the other is printed as a comment.
"""
import plistlib
import sys


def pairs(path):
    d = plistlib.load(open(path, 'rb'))
    objs = d['$objects']

    def r(u):
        return objs[u.data]

    root = r(d['$top']['root'])
    out = {}
    for u in r(root['registryEntries'])['NS.objects']:
        chain = [r(x) for x in r(r(u)['inheritance'])['NS.objects']]
        for cls, sup in zip(chain, chain[1:]):
            out.setdefault(cls, sup)
    return out


def main(files):
    chosen, notes = {}, {}
    for f in files:
        for cls, sup in pairs(f).items():
            if cls not in chosen:
                chosen[cls] = (sup, f)
            elif chosen[cls][0] != sup:
                notes[cls] = (sup, f)
    for cls in sorted(chosen):
        print(cls, chosen[cls][0])
        if cls in notes:
            sup, f = notes[cls]
            print('#   %s %s  <- in %s' % (cls, sup, f.rsplit('/', 1)[-1]))


if __name__ == '__main__':
    main(sys.argv[1:])
