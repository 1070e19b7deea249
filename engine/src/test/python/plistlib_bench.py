#!/usr/bin/env python3
"""Time Python's plistlib on XML plists, the way `ioscope bench` times IOScope: whole-file parse from bytes
in memory, a few warm-up runs, then the median of timed runs.

usage: plistlib_bench.py [--runs N] [--warmup N] FILE...
"""
import plistlib
import statistics
import sys
import time


def main(argv):
    runs, warmup, files = 7, 2, []
    i = 0
    while i < len(argv):
        if argv[i] == "--runs":
            runs = int(argv[i + 1]); i += 2
        elif argv[i] == "--warmup":
            warmup = int(argv[i + 1]); i += 2
        else:
            files.append(argv[i]); i += 1
    print(f"python {sys.version.split()[0]} plistlib")
    for path in files:
        data = open(path, "rb").read()
        for _ in range(warmup):
            plistlib.loads(data)
        times, cpu = [], []
        for _ in range(runs):
            t0, c0 = time.perf_counter(), time.process_time()
            plistlib.loads(data)
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        med = statistics.median(times)
        print(f"{path}: {len(data)} bytes, median {med:.1f} ms, cpu {statistics.median(cpu):.1f} ms, "
              f"{len(data) / 1e6 / (med / 1000):.1f} MB/s")


if __name__ == "__main__":
    main(sys.argv[1:])
