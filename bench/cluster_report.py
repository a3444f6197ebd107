#!/usr/bin/env python3
"""Prints cluster.sh's side-by-side table from its output folder (one result.json per configuration, boot/boot.csv).

usage: cluster_report.py OUT_DIR --users N --think S --duration S CONFIG...
"""
import argparse
import csv
import json
import statistics
import sys
from pathlib import Path

PAGES = ["my learning", "lesson page", "save step", "check page", "check answer"]  # the requests after the ramp
BASELINE = "1i"


def label(cfg):
    n = int(cfg.rstrip("i"))
    nodes = f"{n} node{'s' if n > 1 else ''}"
    if cfg == BASELINE:
        return f"{cfg}: 1 node, no Hazelcast (baseline)"
    return f"{cfg}: {nodes}, {'no Hazelcast' if cfg.endswith('i') else 'Hazelcast'}"


def num(value):
    try:
        return float(str(value).replace(",", ""))
    except ValueError:
        return None


def fmt(value, digits=0):
    return "-" if value is None else f"{value:,.{digits}f}"


def pct(new, base):
    if new is None or base in (None, 0):
        return None
    return (new - base) / base * 100


def spct(value):
    return "-" if value is None else f"{value:+.0f} %"


def load(out, cfg, duration):
    path = out / cfg / "result.json"
    if not path.exists():
        return {"config": cfg, "failed": "no result (see its start.log / run.log)"}
    r = json.loads(path.read_text())
    if "failed" in r:
        r["config"] = cfg
        return r
    rows = {row["name"]: row for row in r["rows"]}
    r["by"] = rows
    page_count = sum(num(rows[p]["total"]) or 0 for p in PAGES if p in rows)
    r["rate"] = page_count / duration
    r["requests"] = num(rows.get("All Requests", {}).get("total"))
    r["ko"] = num(rows.get("All Requests", {}).get("ko"))
    p95s = [num(rows[p]["p95"]) for p in PAGES if p in rows]
    r["worst_p95"] = max(p95s) if p95s else None
    return r


def stat(r, name, col):
    return num(r.get("by", {}).get(name, {}).get(col)) if "by" in r else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--users", type=int, required=True)
    ap.add_argument("--think", type=float, required=True)
    ap.add_argument("--duration", type=float, required=True)
    ap.add_argument("configs", nargs="+")
    args = ap.parse_args()
    out = Path(args.out)
    results = [load(out, c, args.duration) for c in args.configs]

    print(f"Learner load through HAProxy: {args.users} learners, {args.think:g} s think time; "
          f"req/s = requests after the ramp (the 5 page types) / {args.duration:g} s; times in ms (Gatling, same machine)")
    print()
    print("| configuration | ready s | req/s | requests | KO | lesson p50 | lesson p95 | lesson p99 "
          "| save p50 | save p95 | save p99 | worst p95 of 5 pages | sign-in POST p95 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        if "failed" in r:
            print(f"| {label(r['config'])} | failed: {r['failed']} |" + " |" * 11)
            continue
        cells = [label(r["config"]), fmt(r["start_seconds"], 1), fmt(r["rate"], 1), fmt(r["requests"]), fmt(r["ko"])]
        for name in ("lesson page", "save step"):
            cells += [fmt(stat(r, name, c)) for c in ("p50", "p95", "p99")]
        cells += [fmt(r["worst_p95"]), fmt(stat(r, "sign in", "p95"))]
        print("| " + " | ".join(cells) + " |")
    print()
    print("ready s: start.sh until every node's /health/ready is 200 and HAProxy sees them UP (nodes after the first "
          "start together once node-1 has migrated the fresh database).")
    for r in results:
        if "failed" in r:
            continue
        errs = r.get("errors") or []
        text = "; ".join(" | ".join(e) for e in errs[:3]) if errs else "none"
        hz = r.get("hz_bytes")
        traffic = ""
        if hz is not None and not r["config"].endswith("i") and r["config"] != "1":
            per = hz / r["requests"] / 1024 if r.get("requests") else None
            traffic = f"; Hazelcast traffic between the nodes {hz / 1048576:.1f} MB, {fmt(per, 1)} KB per request"
        print(f"{r['config']}: HAProxy sent {r.get('per_node') or '?'}{traffic}; errors: {text}")

    # ---- replication overhead against the baseline
    base = next((r for r in results if r["config"] == BASELINE and "failed" not in r), None)
    print()
    if base is None:
        print(f"replication overhead: not computed (no {BASELINE} result)")
    else:
        print(f"Overhead against {BASELINE} (1 node, no Hazelcast, through HAProxy); positive = slower / more:")
        print()
        print("| configuration | lesson p95 | save p95 | lesson p50 | save p50 | worst p95 of 5 pages | req/s |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for r in results:
            if r is base or "failed" in r:
                continue
            cells = [label(r["config"])]
            for name, col in (("lesson page", "p95"), ("save step", "p95"), ("lesson page", "p50"), ("save step", "p50")):
                cells.append(spct(pct(stat(r, name, col), stat(base, name, col))))
            cells += [spct(pct(r["worst_p95"], base["worst_p95"])), spct(pct(r["rate"], base["rate"]))]
            print("| " + " | ".join(cells) + " |")
        print()
        print("Replication overhead (the issue's figure) = p95 of the lesson page and of the save step on 2 nodes "
              f"clustered (config 2) against {BASELINE}, the larger of the two; config 1 against {BASELINE} is "
              "Hazelcast on one node (sessions written to the data grid, no backup copy anywhere), and 2 against 2i, "
              "when run, is the replication alone at the same number of JVMs.")
        two_i = next((r for r in results if r["config"] == "2i" and "failed" not in r), None)
        two = next((r for r in results if r["config"] == "2" and "failed" not in r), None)
        if two and two_i:
            a = pct(stat(two, "lesson page", "p95"), stat(two_i, "lesson page", "p95"))
            b = pct(stat(two, "save step", "p95"), stat(two_i, "save step", "p95"))
            print(f"2 against 2i: lesson p95 {spct(a)}, save p95 {spct(b)}")

    # ---- boot
    boot_csv = out / "boot" / "boot.csv"
    boot = {}
    if boot_csv.exists():
        for kind, _rep, secs in csv.reader(boot_csv.open()):
            boot.setdefault(kind, []).append(float(secs))
    print()
    if not boot.get("empty"):
        print("boot: not measured")
    else:
        empty = statistics.median(boot["empty"])
        print("Boot to ready (process start until ready; median of the repetitions, each value in brackets):")
        print()
        print("| process | ready when | median s | runs s | ratio to empty Payara Micro |")
        print("|---|---|---:|---|---:|")
        rows = [("portal-fresh", "portal node, fresh database (migrations, demo tenants)", "/health/ready 200"),
                ("portal-restart", "portal node, same database again", "/health/ready 200"),
                ("empty", "empty Payara Micro (--nocluster, nothing deployed)", "HTTP port answers (404)")]
        for kind, text, when in rows:
            if kind not in boot:
                continue
            med = statistics.median(boot[kind])
            runs = ", ".join(f"{v:.1f}" for v in boot[kind])
            print(f"| {text} | {when} | {med:.1f} | {runs} | {med / empty:.2f} |")

    # ---- targets
    print()
    print("Targets of issue 13:")
    target_load = args.users == 500 and args.think == 5
    two = next((r for r in results if r["config"] == "2"), None)
    if two is None or "failed" in two:
        print("- p95 <= 50 ms on 2 nodes: not measured")
    else:
        lp, sp = stat(two, "lesson page", "p95"), stat(two, "save step", "p95")
        ok = lp is not None and sp is not None and lp <= 50 and sp <= 50
        note = "" if target_load else f" (at {args.users} learners / {args.think:g} s think, not the target's 500 / 5 s)"
        print(f"- p95 <= 50 ms at 500 learners, 5 s think, 2 nodes through HAProxy: lesson {fmt(lp)} ms, save "
              f"{fmt(sp)} ms (worst of the 5 pages {fmt(two['worst_p95'])} ms), {fmt(two['ko'])} KO: "
              f"{'met' if ok else 'NOT met'}{note}")
        if base is not None:
            over = [pct(lp, stat(base, "lesson page", "p95")), pct(sp, stat(base, "save step", "p95"))]
            worst = max(v for v in over if v is not None) if any(v is not None for v in over) else None
            print(f"- replication overhead <= 30 % (2 against {BASELINE}, p95 of lesson and save, the larger): "
                  f"{spct(worst)}: {'met' if worst is not None and worst <= 30 else 'NOT met'}{note}")
    if boot.get("empty"):
        empty = statistics.median(boot["empty"])
        for kind, text in (("portal-fresh", "fresh database"), ("portal-restart", "restart on the same database")):
            if kind in boot:
                ratio = statistics.median(boot[kind]) / empty
                print(f"- boot to ready <= 2.5x an empty Payara Micro ({text}): {ratio:.2f}x: "
                      f"{'met' if ratio <= 2.5 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
