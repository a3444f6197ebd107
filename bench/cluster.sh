#!/usr/bin/env bash
# Cluster benchmark (issue 13), one command: the same learner load against 1 node and against 2 and 3 nodes
# behind HAProxy on this machine, side by side, plus boot to ready of one portal node against an empty
# Payara Micro. See README.md, "The cluster".
#
#   bench/cluster.sh [--configs "1i,1,2,3"] [--users 500] [--think 5] [--ramp 35] [--duration 55] [--warmup 30]
#                    [--boot-reps 3] [--no-boot] [--port 18080] [--hz-port 15901] [--jar FILE]
#                    [--lock COMMAND] [--offline]
#
# For each configuration, one after the other (never two at once):
#   1. a fresh PostgreSQL database bench_cluster_<config> on 127.0.0.1:5432 (dropped first if left over),
#   2. deploy/cluster/start.sh from a copy of the portal jar (a rebuild cannot change it under the benchmark),
#      with its own cluster directory, data directory and a copy of ../tenants,
#   3. bench/run.sh's load scenario "learner" through HAProxy (no saturation, no floor load, no heap figures),
#      after a short warm-up load on the fresh JVMs that is not counted,
#   4. deploy/cluster/stop.sh and DROP DATABASE, also when a step fails or the run is interrupted.
# Configurations: "Ni" is N nodes without Hazelcast (--independent: sticky sessions only, nothing replicated);
# "N" is N nodes clustered through Hazelcast (sessions replicated). 1i is the single-node baseline.
# Boot (unless --no-boot), interleaved, --boot-reps times each: one portal node (deploy/cluster/node.sh
# --independent, as in 1i) on a fresh database (it runs the migrations and creates the demo tenants) and again
# on that same database (a restart), from the process start until /health/ready answers 200; and an empty
# Payara Micro of the same version (its jar from ~/.m2, --nocluster, nothing deployed), until its HTTP port
# answers at all (404: there is no application).
# Then prints one table (Markdown) with the figures of every configuration, the replication overhead against
# 1i, the boot ratios and the issue's targets. Everything is kept in target/cluster-<time>/ (summary.txt, each
# configuration's start/run/node logs); Gatling's reports in target/gatling/.
set -euo pipefail
cd "$(dirname "$0")"
BENCH_DIR=$(pwd)
ROOT=$(cd .. && pwd)
SELF="$BENCH_DIR/$(basename "$0")"

usage() {
  awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$SELF"
  cat <<'EOF'

options:
  --configs LIST    comma-separated configurations, run in this order (default 1i,1,2,3); Ni: N nodes
                    without Hazelcast, N: N nodes clustered; N from 1 to 9
  --users N         learners in the load (default 500)
  --think S         mean think time before each request, seconds (default 5)
  --ramp S          seconds over which the learners arrive and sign in (default 35)
  --duration S      seconds of the load after the ramp (default 55)
  --warmup S        before it, on the fresh nodes: min(50, users) learners, 10 s ramp, S seconds, not counted
                    (default 30; 0: none)
  --boot-reps N     repetitions of each boot measurement (default 3); --no-boot skips it
  --port P          HAProxy's port (default 18080); nodes on P+1..P+N, HAProxy's status page on P+10, the boot
                    measurement's portal on P+11 and empty Payara Micro on P+12
  --hz-port P       first node's Hazelcast port (default 15901)
  --jar FILE        the portal jar (default ../target/portal.jar; copied before use)
  --lock COMMAND    run each configuration and the boot measurement under COMMAND, a program that runs its
                    arguments while it holds a lock (e.g. /work/tools/locked: flock on a shared lock file);
                    default BENCH_LOCK from the environment, else no lock
  --offline         Maven offline (-o) for Gatling
  -h, --help        this text
EOF
}

# ------------------------------------------------------------------------------------ internal steps
# "$SELF" _config CFG and "$SELF" _boot run one locked step; the settings come in CB_* variables.

# The lock command (flock) passes its lock file's descriptor on to us; a node or HAProxy that inherited it
# would keep the lock after we are gone if it ever outlived its step. Close every descriptor on a *.lock file.
close_lock_fds() {
  local fd target
  for fd in $(ls /proc/$$/fd); do
    [ "$fd" -gt 2 ] && [ "$fd" -lt 255 ] || continue
    target=$(readlink "/proc/$$/fd/$fd" 2>/dev/null || true)
    case "$target" in *.lock) eval "exec $fd>&-" ;; esac
  done
}

psql_admin() { PGOPTIONS='-c client_min_messages=warning' psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -q -v ON_ERROR_STOP=1 -tAc "$1"; }
now() { date +%s.%N; }
http_code() { curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" || true; }

# bytes sent so far over the Hazelcast connections between the nodes (TCP counters of both ends of every
# established connection whose local or remote port is one of the nodes' Hazelcast ports): replication traffic
hz_bytes() {
  ss -tinH 2>/dev/null | awk -v lo="$CB_HZ_PORT" -v hi="$((CB_HZ_PORT + $1 - 1))" '
    $1 == "ESTAB" { n = split($4, a, ":"); m = split($5, b, ":"); hz = (a[n] >= lo && a[n] <= hi) || (b[m] >= lo && b[m] <= hi); next }
    hz && match($0, /bytes_sent:[0-9]+/) { sum += substr($0, RSTART + 11, RLENGTH - 11); hz = 0 }
    END { printf "%d\n", sum }'
}

step_config() {
  # db and dir are global: the EXIT trap runs after this function has returned
  local cfg=$1 nodes indep=() lb=$CB_PORT stats=$((CB_PORT + 10)) t0 t1 rc=0
  nodes=${cfg%i}
  [ "$nodes" = "$cfg" ] || indep=(--independent)
  db=bench_cluster_$cfg
  dir=$CB_OUT/$cfg
  mkdir -p "$dir"
  export PORTAL_CLUSTER_DIR=$dir/cluster PORTAL_DATA_DIR=$dir/cluster/data PORTAL_TENANTS_DIR=$CB_OUT/tenants
  export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
  config_cleanup() {
    "$ROOT/deploy/cluster/stop.sh" >>"$dir/stop.log" 2>&1 || echo "stop.sh failed: see $dir/stop.log" >&2
    psql_admin "DROP DATABASE IF EXISTS $db WITH (FORCE)" || echo "could not drop database $db" >&2
  }
  trap config_cleanup EXIT
  trap 'exit 130' INT TERM

  echo "== $cfg: $nodes node(s), $([ ${#indep[@]} -gt 0 ] && echo 'no Hazelcast' || echo 'clustered through Hazelcast'), database $db ($(date -u +%H:%M:%S) UTC)"
  psql_admin "DROP DATABASE IF EXISTS $db WITH (FORCE)"
  psql_admin "CREATE DATABASE $db"
  echo "  load average before start:$(uptime | sed 's/.*load average://')" | tee "$dir/machine.txt"
  t0=$(now)
  if ! "$ROOT/deploy/cluster/start.sh" --nodes "$nodes" "${indep[@]}" --db "$db" --port "$lb" --stats-port "$stats" \
      --hz-port "$CB_HZ_PORT" --jar "$CB_OUT/portal.jar" >"$dir/start.log" 2>&1; then
    echo "  start.sh failed; the end of $dir/start.log:" >&2; tail -20 "$dir/start.log" >&2
    echo '{"failed": "start.sh failed"}' >"$dir/result.json"
    return 1
  fi
  t1=$(now)
  echo "  cluster ready after $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s (start.sh: every node's /health/ready 200, HAProxy sees them UP)"
  local hz_before hz_after common=(--base-url "http://127.0.0.1:$lb" --no-saturation --no-floor-load --no-heap)
  [ "$CB_OFFLINE" = yes ] && common+=(--offline)
  if [ "$CB_WARMUP" -gt 0 ]; then
    # the nodes' JVMs are fresh: a short load first, so that the measured load does not time the JIT compiler
    local wu=$(( CB_USERS < 50 ? CB_USERS : 50 ))
    echo "  warm-up: $wu learners, 10 s ramp, ${CB_WARMUP} s (not counted; log $dir/warmup.log)"
    "$BENCH_DIR/run.sh" "${common[@]}" --users "$wu" --think "$CB_THINK" --ramp 10 --duration "$CB_WARMUP" \
      >"$dir/warmup.log" 2>&1 || { echo "  warm-up failed; the end of $dir/warmup.log:" >&2; tail -20 "$dir/warmup.log" >&2
        echo '{"failed": "warm-up failed"}' >"$dir/result.json"; return 1; }
  fi
  hz_before=$(hz_bytes "$nodes")
  "$BENCH_DIR/run.sh" "${common[@]}" --users "$CB_USERS" --think "$CB_THINK" --ramp "$CB_RAMP" --duration "$CB_DURATION" \
    >"$dir/run.log" 2>&1 || rc=$?
  hz_after=$(hz_bytes "$nodes")
  echo "  load average after load:$(uptime | sed 's/.*load average://')" | tee -a "$dir/machine.txt"
  echo "$((hz_after - hz_before))" >"$dir/hz-bytes.txt"
  # requests HAProxy sent to each node (column 8, stot, of its CSV status page)
  curl -s --max-time 3 "http://127.0.0.1:$stats/;csv" \
    | awk -F, '$1 == "nodes" && $2 ~ /^node-/ { print $2 "=" $8 }' | paste -sd' ' >"$dir/per-node.txt" || true
  if [ "$rc" -ne 0 ]; then
    echo "  run.sh failed ($rc); the end of $dir/run.log:" >&2; tail -20 "$dir/run.log" >&2
    echo '{"failed": "run.sh failed"}' >"$dir/result.json"
    return 1
  fi
  sed -n '/^== load/,/^  report:/p' "$dir/run.log" | sed 's/^/  /'
  python3 - "$BENCH_DIR/target/gatling/$(cat "$BENCH_DIR/target/gatling/lastRun.txt")" "$dir" "$cfg" \
    "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')" <<'EOF'
import json, sys
sys.path.insert(0, ".")
from report import parse
report, out, cfg, start = sys.argv[1:5]
rows, errors = parse(report)
per_node = open(out + "/per-node.txt").read().strip()
hz = int(open(out + "/hz-bytes.txt").read().strip() or 0)
json.dump({"config": cfg, "report": report, "start_seconds": float(start), "rows": rows, "errors": errors,
           "per_node": per_node, "hz_bytes": hz}, open(out + "/result.json", "w"), indent=1)
EOF
  echo "  HAProxy sent: $(cat "$dir/per-node.txt"); Hazelcast traffic between the nodes during the load: $(cat "$dir/hz-bytes.txt") bytes"
}

# boot of one process: starts "$@" in the background, polls URL until its status matches WANT (a regex),
# prints the seconds from the start and the status that answered, stops the process (SIGTERM, then SIGKILL after 60 s) and waits for it.
boot_once() {
  local url=$1 want=$2 log=$3 t0 t1 pid code
  shift 3
  t0=$(now)
  "$@" >"$log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >>"$BOOT_PIDS"           # for the cleanup: this runs in a subshell, $(boot_once ...)
  while :; do
    code=$(http_code "$url")
    [[ "$code" =~ $want ]] && break
    if ! kill -0 "$pid" 2>/dev/null; then echo "the process stopped before it was ready; see $log" >&2; return 1; fi
    if [ "$(awk -v a="$t0" -v b="$(now)" 'BEGIN { print (b - a > 300) }')" = 1 ]; then
      echo "not ready after 300 s; see $log" >&2; kill -KILL "$pid"; return 1
    fi
    sleep 0.1
  done
  t1=$(now)
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  awk -v a="$t0" -v b="$t1" -v c="$code" 'BEGIN { printf "%.2f %s\n", b - a, c }'
}

step_boot() {
  dir=$CB_OUT/boot db=bench_cluster_boot     # global: the EXIT trap runs after this function has returned
  local portal_port=$((CB_PORT + 11)) empty_port=$((CB_PORT + 12)) rep s out
  local micro=$HOME/.m2/repository/fish/payara/extras/payara-micro/$CB_PAYARA/payara-micro-$CB_PAYARA.jar
  mkdir -p "$dir"
  BOOT_PIDS=$dir/pids
  : >"$BOOT_PIDS"
  boot_cleanup() {
    local p
    # only the processes boot_once started, and only while they still are them (a pid can be reused)
    while read -r p; do
      case "$(ps -o args= -p "$p" 2>/dev/null)" in
        *" --name boot-portal"* | *" --name boot-empty"*) kill -KILL "$p" 2>/dev/null || true ;;
      esac
    done <"$BOOT_PIDS"
    psql_admin "DROP DATABASE IF EXISTS $db WITH (FORCE)" || echo "could not drop database $db" >&2
  }
  trap boot_cleanup EXIT
  trap 'exit 130' INT TERM
  [ -f "$micro" ] || { echo "no Payara Micro $CB_PAYARA at $micro (the portal's build downloads it)" >&2; return 1; }
  for p in "$portal_port" "$empty_port"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "port $p is in use" >&2; return 1; fi
  done
  echo "== boot to ready, $CB_BOOT_REPS repetitions, interleaved ($(date -u +%H:%M:%S) UTC); load average:$(uptime | sed 's/.*load average://')"
  : >"$dir/boot.csv"
  for rep in $(seq 1 "$CB_BOOT_REPS"); do
    psql_admin "DROP DATABASE IF EXISTS $db WITH (FORCE)"
    psql_admin "CREATE DATABASE $db"
    rm -rf "$dir/data"; mkdir -p "$dir/data"
    # the portal node as start.sh starts node-1 of 1i (node.sh --independent, -Xmx768m), on PostgreSQL
    local env=(env PORTAL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" PORTAL_DB_USER=postgres PORTAL_DB_PASSWORD=
      PORTAL_DATA_DIR="$dir/data" PORTAL_TENANTS_DIR="$CB_OUT/tenants" PORTAL_OPERATOR_EMAIL=operator@portal.example
      PORTAL_OPERATOR_PASSWORD=demo-password PORTAL_PUBLIC_URL="http://localhost:$portal_port" PORTAL_DRAIN_SECONDS=0
      PORTAL_JAR="$CB_OUT/portal.jar")
    out=$(boot_once "http://127.0.0.1:$portal_port/health/ready" '^200$' "$dir/portal-fresh-$rep.log" \
      "${env[@]}" "$ROOT/deploy/cluster/node.sh" --name boot-portal --port "$portal_port" --independent)
    s=${out% *}; echo "portal-fresh,$rep,$s" >>"$dir/boot.csv"; echo "  $rep: portal node, fresh database:       $s s (HTTP ${out#* })"
    out=$(boot_once "http://127.0.0.1:$portal_port/health/ready" '^200$' "$dir/portal-restart-$rep.log" \
      "${env[@]}" "$ROOT/deploy/cluster/node.sh" --name boot-portal --port "$portal_port" --independent)
    s=${out% *}; echo "portal-restart,$rep,$s" >>"$dir/boot.csv"; echo "  $rep: portal node, same database again: $s s (HTTP ${out#* })"
    out=$(boot_once "http://127.0.0.1:$empty_port/" '^[1-5][0-9][0-9]$' "$dir/empty-$rep.log" \
      java -Xmx768m -jar "$micro" --nocluster --port "$empty_port" --name boot-empty)
    s=${out% *}; echo "empty,$rep,$s" >>"$dir/boot.csv"; echo "  $rep: empty Payara Micro $CB_PAYARA:       $s s (HTTP ${out#* })"
  done
}

case "${1-}" in
  _config) close_lock_fds; step_config "$2"; exit $? ;;
  _boot) close_lock_fds; step_boot; exit $? ;;
esac

# ------------------------------------------------------------------------------------ options
fail() { echo "cluster.sh: $*" >&2; echo "(bench/cluster.sh --help lists the options)" >&2; exit 2; }
CONFIGS=1i,1,2,3 USERS=500 THINK=5 RAMP=35 DURATION=55 WARMUP=30 BOOT_REPS=3 PORT=18080 HZ_PORT=15901
JAR=$ROOT/target/portal.jar LOCK=${BENCH_LOCK:-} OFFLINE=no
while [ $# -gt 0 ]; do
  case "$1" in
    --configs|--users|--think|--ramp|--duration|--warmup|--boot-reps|--port|--hz-port|--jar|--lock)
      [ $# -ge 2 ] && [ -n "$2" ] || fail "$1 needs a value"
      case "$1" in
        --configs) CONFIGS=$2 ;; --users) USERS=$2 ;; --think) THINK=$2 ;; --ramp) RAMP=$2 ;;
        --duration) DURATION=$2 ;; --warmup) WARMUP=$2 ;; --boot-reps) BOOT_REPS=$2 ;; --port) PORT=$2 ;; --hz-port) HZ_PORT=$2 ;;
        --jar) JAR=$2 ;; --lock) LOCK=$2 ;;
      esac
      shift 2 ;;
    --no-boot) BOOT_REPS=0; shift ;;
    --offline) OFFLINE=yes; shift ;;
    -h|--help) usage; exit 0 ;;
    *) fail "unknown option '$1'" ;;
  esac
done
IFS=, read -r -a CONFIG_LIST <<<"$CONFIGS"
[ ${#CONFIG_LIST[@]} -gt 0 ] || fail "--configs: empty list"
for c in "${CONFIG_LIST[@]}"; do
  [[ "$c" =~ ^[1-9]i?$ ]] || fail "--configs: '$c' in '$CONFIGS' is not a configuration (N or Ni, N from 1 to 9: 1i,1,2,3)"
done
[ "$(printf '%s\n' "${CONFIG_LIST[@]}" | sort | uniq -d)" = "" ] || fail "--configs: '$CONFIGS' names a configuration twice"
[[ "$USERS" =~ ^[1-9][0-9]*$ ]] || fail "--users: '$USERS' is not a positive whole number"
[[ "$THINK" =~ ^([0-9]+\.?[0-9]*|\.[0-9]+)$ ]] || fail "--think: '$THINK' is not a number of seconds (e.g. 5 or 2.5)"
[[ "$RAMP" =~ ^[1-9][0-9]*$ ]] || fail "--ramp: '$RAMP' is not a positive whole number of seconds"
[[ "$DURATION" =~ ^[1-9][0-9]*$ ]] || fail "--duration: '$DURATION' is not a positive whole number of seconds"
[[ "$WARMUP" =~ ^[0-9]+$ ]] || fail "--warmup: '$WARMUP' is not a whole number of seconds (0: no warm-up)"
[[ "$BOOT_REPS" =~ ^[0-9]+$ ]] || fail "--boot-reps: '$BOOT_REPS' is not a whole number"
[[ "$PORT" =~ ^[0-9]+$ ]] && [ "$PORT" -ge 1024 ] && [ "$PORT" -le 65500 ] || fail "--port: '$PORT' is not a port from 1024 to 65500"
[[ "$HZ_PORT" =~ ^[0-9]+$ ]] && [ "$HZ_PORT" -ge 1024 ] && [ "$HZ_PORT" -le 65500 ] || fail "--hz-port: '$HZ_PORT' is not a port from 1024 to 65500"
[ -f "$JAR" ] || fail "--jar: '$JAR' does not exist (build the portal first: mvn -B -q package -DskipTests)"
if [ -n "$LOCK" ]; then
  read -r -a LOCK_CMD <<<"$LOCK"
  command -v "${LOCK_CMD[0]}" >/dev/null || fail "--lock: '${LOCK_CMD[0]}' is not a command"
else
  LOCK_CMD=()
fi
for tool in java psql curl haproxy python3 mvn; do command -v "$tool" >/dev/null || fail "'$tool' is not installed"; done
psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -tAc 'SELECT 1' >/dev/null 2>&1 \
  || fail "PostgreSQL at 127.0.0.1:5432 does not let user postgres in"
PAYARA=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' "$ROOT/pom.xml" | head -1)

# ------------------------------------------------------------------------------------ run
OUT=$BENCH_DIR/target/cluster-$(date -u +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
cp "$JAR" "$OUT/portal.jar"             # a rebuild of ../target cannot change the jar under the benchmark
cp -r "$ROOT/tenants" "$OUT/tenants"
export CB_OUT=$OUT CB_WARMUP=$WARMUP CB_USERS=$USERS CB_THINK=$THINK CB_RAMP=$RAMP CB_DURATION=$DURATION CB_BOOT_REPS=$BOOT_REPS
export CB_PORT=$PORT CB_HZ_PORT=$HZ_PORT CB_OFFLINE=$OFFLINE CB_PAYARA=$PAYARA
{
  echo "cluster benchmark $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "jar: copy of $JAR ($(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC')), Payara Micro $PAYARA; configurations: ${CONFIG_LIST[*]}"
  echo "load: $USERS learners, ${RAMP}s ramp, ${DURATION}s measured, ${THINK}s think time, after a ${WARMUP}s warm-up; boot: $BOOT_REPS repetitions"
} | tee "$OUT/summary.txt"

FAILED=()
# one lock per step: the lock is free between them
if [ "$BOOT_REPS" -gt 0 ]; then
  "${LOCK_CMD[@]}" "$SELF" _boot 2>&1 | tee -a "$OUT/summary.txt" || FAILED+=(boot)
fi
for c in "${CONFIG_LIST[@]}"; do
  "${LOCK_CMD[@]}" "$SELF" _config "$c" 2>&1 | tee -a "$OUT/summary.txt" || FAILED+=("$c")
done

echo | tee -a "$OUT/summary.txt"
python3 "$BENCH_DIR/cluster_report.py" "$OUT" --users "$USERS" --think "$THINK" --duration "$DURATION" "${CONFIG_LIST[@]}" | tee -a "$OUT/summary.txt"
echo "everything: $OUT (summary.txt; per configuration: start.log, run.log, cluster/node-*.log)"
if [ ${#FAILED[@]} -gt 0 ]; then echo "FAILED: ${FAILED[*]}" >&2; exit 1; fi
