#!/usr/bin/env python3
"""Prints the per-request figures of one Gatling report (its index.html).

Gatling 3.15 no longer writes js/stats.json and its simulation.log is binary, so this reads the statistics table and
the errors table of the HTML report, which hold the same numbers as the console summary.

usage: report.py REPORT_DIR [--window SECONDS] [--only NAME ...]
  --window: length of the measured window; the rate column is then count / window (saturation runs, where the
            warm-up requests carry other names), otherwise Gatling's count / whole run.
"""
import argparse
import html
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

COLUMNS = ["total", "ok", "ko", "ko_pct", "rps", "min", "p50", "p75", "p95", "p99", "max", "mean", "stddev"]


class StatsParser(HTMLParser):
    """Collects each statistics row (name + col-2..col-14) and each errors row."""

    def __init__(self):
        super().__init__()
        self.rows = []
        self.errors = []
        self._row = None
        self._cell = None
        self._in_name = False
        self._table = None
        self._text = []
        self._hidden = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self._table = a.get("id", self._table)
        if tag == "tr":
            self._row = {"name": None, "cells": {}, "tds": []}
        if tag == "span" and "display:none" in (a.get("style") or "").replace(" ", ""):
            self._hidden = True
        if tag == "span" and "ellipsed-name" in (a.get("class") or ""):
            self._in_name = True
            self._text = []
        if tag == "td" and self._row is not None:
            cls = a.get("class") or ""
            m = re.search(r"\bcol-(\d+)\b", cls)
            self._cell = int(m.group(1)) if m else -1
            self._text = []

    def handle_endtag(self, tag):
        if tag == "span" and self._hidden:
            self._hidden = False
            return
        if tag == "span" and self._in_name:
            self._row["name"] = html.unescape("".join(self._text)).strip()
            self._in_name = False
        if tag == "td" and self._row is not None and self._cell is not None:
            text = "".join(self._text).strip()
            if self._cell >= 2:
                self._row["cells"][self._cell] = text
            self._row["tds"].append(text)
            self._cell = None
        if tag == "tr" and self._row is not None:
            if self._table == "container_errors" and self._row["tds"]:
                self.errors.append(self._row["tds"])
            elif self._row["name"] and len(self._row["cells"]) >= 13:
                values = [self._row["cells"].get(i, "") for i in range(2, 15)]
                self.rows.append({"name": self._row["name"], **dict(zip(COLUMNS, values))})
            self._row = None

    def handle_data(self, data):
        if not self._hidden:
            self._text.append(data)


def parse(report_dir):
    index = Path(report_dir) / "index.html"
    parser = StatsParser()
    parser.feed(index.read_text(encoding="utf-8"))
    return parser.rows, parser.errors


def num(value):
    try:
        return float(value)
    except ValueError:
        return 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("report_dir")
    ap.add_argument("--window", type=float)
    ap.add_argument("--only", nargs="*")
    args = ap.parse_args()
    rows, errors = parse(args.report_dir)
    if not rows:
        print(f"no statistics found in {args.report_dir}/index.html", file=sys.stderr)
        return 1
    rate_head = "req/s (window)" if args.window else "req/s (run)"
    print(f"  {'request':<28}{'count':>8}{'KO':>6}{rate_head:>16}{'p50':>7}{'p95':>7}{'p99':>7}{'max':>7}  (ms)")
    for r in rows:
        if args.only and r["name"] not in args.only and r["name"] != "All Requests":
            continue
        if args.window and r["name"] != "All Requests":
            rate = f"{num(r['total']) / args.window:.1f}"
        elif args.window:
            rate = "-"
        else:
            rate = r["rps"]
        print(f"  {r['name']:<28}{r['total']:>8}{r['ko']:>6}{rate:>16}{r['p50']:>7}{r['p95']:>7}{r['p99']:>7}"
              f"{r['max']:>7}")
    if errors:
        print("  errors:")
        for e in errors:
            print("    " + " | ".join(e))
    else:
        print("  errors: none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
