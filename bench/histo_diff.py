#!/usr/bin/env python3
"""Top classes by heap growth between two `jcmd <pid> GC.class_histogram` outputs, per session.

usage: histo_diff.py BEFORE AFTER SESSIONS [TOP]
"""
import sys


def read(path):
    sizes = {}
    for line in open(path, encoding="utf-8", errors="replace"):
        parts = line.split()
        if len(parts) >= 4 and parts[0].endswith(":"):
            sizes[parts[3]] = (int(parts[1]), int(parts[2]))
    return sizes


def main():
    before, after, n = read(sys.argv[1]), read(sys.argv[2]), int(sys.argv[3])
    top = int(sys.argv[4]) if len(sys.argv) > 4 else 12
    growth = sorted(((after[c][1] - before.get(c, (0, 0))[1], after[c][0] - before.get(c, (0, 0))[0], c)
                     for c in after), reverse=True)
    for size, count, name in growth[:top]:
        print(f"    {size / n:9.0f} B {count / n:8.1f} objects  {name}")


if __name__ == "__main__":
    main()
