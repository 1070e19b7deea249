#!/usr/bin/env python3
"""Writes the workbench's scale scenario: 10,000 PCI nubs published on the empty platform, every other one with
IntelMausi's vendor/device ids, with the real IntelMausi kext loaded (docs/benchmarks-ui.md, "Workbench").
usage: scripts/scenario-10k.py OUT.json [KEXT-PATH]"""
import json, os, sys

out = sys.argv[1]
kext = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "../engine/src/test/resources/real/kexts/IntelMausi")
actions = []
for i in range(10000):
    mausi = i % 2 == 0
    actions.append({"at": 1000 + i * 10, "do": "publish", "parent": "IOService:/", "class": "IOPCIDevice",
                    "name": "nic%d" % i, "location": "%x" % i,
                    "properties": {"vendor-id": {"data": "86800000" if mausi else "ec100000"},
                                   "device-id": {"data": "b8150000" if mausi else "68810000"}}})
json.dump({"machine": "empty", "kexts": [os.path.abspath(kext)], "maxSteps": 5000000, "actions": actions},
          open(out, "w"))
