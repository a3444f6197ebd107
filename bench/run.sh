#!/usr/bin/env bash
# Load benchmark of the portal, one command. See README.md.
#
#   bench/run.sh                      # against a started portal at http://localhost:8080
#   bench/run.sh --base-url http://localhost:8090 [--pid PID]
#   bench/run.sh --start              # starts its own portal (copy of ../target/portal.jar, fresh data dir, free port)
#
# Measures, one after the other (never two at once):
#   1. saturation: N users (default 20) without think time on lesson pages, then on the floor page
#   2. heap baseline (full GC, then heap used), 3. load: 500 learners with 5 s think time,
#   4. heap again: (after - before) / learners = heap per learner session,
#   5. load on the floor page: same users, ramp, think time and duration, 6. heap per floor session.
# Then prints throughput, p50/p95/p99 per request type and errors. Reports: bench/target/gatling/*/index.html,
# the printed summary also goes to bench/target/bench-summary-<time>.txt.
set -euo pipefail
cd "$(dirname "$0")"
BENCH_DIR=$(pwd)

BASE_URL=http://localhost:8080
START=false
PORT=
PID=
USERS=500
THINK=5
RAMP=35
DURATION=55
SAT_USERS=20
SAT_WARMUP=15
SAT_DURATION=30
DO_SAT=true
DO_LOAD=true
DO_FLOOR_LOAD=true
MVN=(mvn -q -B)
DO_HEAP=true

usage() {
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
  cat <<EOF
options:
  --start                 start a portal of its own (PORTAL_JAR, default ../target/portal.jar, copied first;
                          PORTAL_TENANTS_DIR, default ../tenants; a fresh data dir; --port or a free port)
  --port N                port for --start
  --base-url URL          portal to measure when not --start (default $BASE_URL)
  --pid PID               the portal's process id, for the heap figures (default: found by its port)
  --users N               learners in the load run (default $USERS)
  --think S               think time between requests, seconds (default $THINK)
  --ramp S                seconds over which learners arrive and sign in (default $RAMP)
  --duration S            seconds of the load run after the ramp (default $DURATION)
  --sat-users N           concurrent users in the saturation runs (default $SAT_USERS)
  --sat-warmup S          warm-up seconds of each saturation run, not counted (default $SAT_WARMUP)
  --sat-duration S        measured seconds of each saturation run (default $SAT_DURATION)
  --no-saturation | --no-load | --no-floor-load   skip a measurement
  --no-heap               no heap figures (no jcmd/jstat; e.g. behind a load balancer, whose pid the port would give)
  --offline               run Maven offline (-o): Gatling and its plugin must already be in ~/.m2
EOF
}

while [ $# -gt 0 ]; do
  case "$1" in
    --start) START=true ;;
    --port) PORT=$2; shift ;;
    --base-url) BASE_URL=$2; shift ;;
    --pid) PID=$2; shift ;;
    --users) USERS=$2; shift ;;
    --think) THINK=$2; shift ;;
    --ramp) RAMP=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --sat-users) SAT_USERS=$2; shift ;;
    --sat-warmup) SAT_WARMUP=$2; shift ;;
    --sat-duration) SAT_DURATION=$2; shift ;;
    --no-saturation) DO_SAT=false ;;
    --no-load) DO_LOAD=false ;;
    --no-floor-load) DO_FLOOR_LOAD=false ;;
    --offline) MVN+=(-o) ;;
    --no-heap) DO_HEAP=false ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

mkdir -p target
SUMMARY=$BENCH_DIR/target/bench-summary-$(date +%Y%m%d-%H%M%S).txt
say() { echo "$@" | tee -a "$SUMMARY"; }
# the machine's state: load average, and other processes busy over one second (other builds and servers on this
# machine share its 2 cores with the portal and Gatling, which makes the figures lower than on an idle machine)
machine() {
  local busy
  busy=$(top -b -n 2 -d 1 -w 512 2>/dev/null | awk -v me="${PID:-0}" '/^top -/ { n++ }
      n == 2 && $1 ~ /^[0-9]+$/ && $1 != me && $9 + 0 >= 10 { print $1 ":" $9 }' | head -5 | while IFS=: read -r p c; do
        printf '%s%% %s; ' "$c" "$(ps -o args= -p "$p" 2>/dev/null | cut -c1-90)"; done)
  say "  machine: $(nproc) cores, load average$(uptime | sed 's/.*load average//'); other busy processes: ${busy:-none}"
}

# ---------------------------------------------------------------- the portal
WORK=
cleanup() {
  if [ -n "$WORK" ]; then
    if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
      echo "stopping the portal (pid $PID)"
      kill "$PID" 2>/dev/null || true
      for _ in $(seq 1 60); do kill -0 "$PID" 2>/dev/null || break; sleep 1; done
      kill -0 "$PID" 2>/dev/null && kill -9 "$PID" 2>/dev/null || true
    fi
    cp "$WORK/portal.log" "$BENCH_DIR/target/portal.log" 2>/dev/null || true
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

wait_ready() {
  local url=$1 seconds=$2
  for _ in $(seq 1 "$seconds"); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)" = 200 ] && return 0
    if [ -n "$PID" ] && ! kill -0 "$PID" 2>/dev/null; then return 1; fi
    sleep 1
  done
  return 1
}

if $START; then
  JAR=${PORTAL_JAR:-$BENCH_DIR/../target/portal.jar}
  TENANTS=${PORTAL_TENANTS_DIR:-$BENCH_DIR/../tenants}
  [ -f "$JAR" ] || { echo "no portal jar at $JAR (build the portal first, or set PORTAL_JAR)" >&2; exit 1; }
  if [ -z "$PORT" ]; then
    PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  fi
  WORK=$(mktemp -d /tmp/portal-bench.XXXXXX)
  cp "$JAR" "$WORK/portal.jar"          # a rebuild of target/ cannot change the jar under the benchmark
  cp -r "$TENANTS" "$WORK/tenants"
  mkdir "$WORK/data"
  echo "starting the portal on port $PORT (data: $WORK/data, log: $WORK/portal.log)"
  ( cd "$WORK" && PORTAL_DATA_DIR="$WORK/data" PORTAL_TENANTS_DIR="$WORK/tenants" \
      exec java -jar "$WORK/portal.jar" --port "$PORT" >"$WORK/portal.log" 2>&1 ) &
  PID=$!
  BASE_URL=http://localhost:$PORT
  if ! wait_ready "$BASE_URL/t/acme/login.xhtml" 240; then
    echo "the portal did not answer 200 in time; its log:" >&2; tail -30 "$WORK/portal.log" >&2; exit 1
  fi
else
  if ! wait_ready "$BASE_URL/t/acme/login.xhtml" 5; then
    echo "no portal answers at $BASE_URL/t/acme/login.xhtml (start one, or use --start)" >&2; exit 1
  fi
  if [ -z "$PID" ] && $DO_HEAP; then
    port=$(echo "$BASE_URL" | sed -E 's#^[a-z]+://[^:/]+:?([0-9]*).*#\1#'); port=${port:-80}
    PID=$(ss -ltnpH "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)
  fi
fi

# ---------------------------------------------------------------- heap
HEAP_OK=false
if $DO_HEAP && [ -n "$PID" ] && jcmd "$PID" VM.version >/dev/null 2>&1; then HEAP_OK=true; fi

# sets HEAP (KB used right after a full GC) and SESSIONS (live HTTP sessions, from the class histogram)
# $1: file name under target/ to keep the class histogram in
heap_after_gc() {
  jcmd "$PID" GC.run >/dev/null
  jcmd "$PID" GC.class_histogram >"$BENCH_DIR/target/$1" 2>/dev/null || true
  SESSIONS=$(awk '$4 == "org.apache.catalina.session.StandardSession" { print $2 }' "$BENCH_DIR/target/$1")
  SESSIONS=${SESSIONS:-0}
  # S0U + S1U + EU + OU of jstat -gc (KB); the class histogram above ran a second full GC
  HEAP=$(jstat -gc "$PID" | awk 'NR == 2 { printf "%d\n", $3 + $4 + $6 + $8 }')
}

# ---------------------------------------------------------------- Gatling
echo "compiling the simulation"
"${MVN[@]}" test-compile

LAST_REPORT=
gatling() {
  "${MVN[@]}" gatling:test -DbaseUrl="$BASE_URL" "$@" >"$BENCH_DIR/target/gatling-console.log" 2>&1 || {
    echo "Gatling failed; its output:" >&2; tail -40 "$BENCH_DIR/target/gatling-console.log" >&2; exit 1; }
  LAST_REPORT=$BENCH_DIR/target/gatling/$(cat "$BENCH_DIR/target/gatling/lastRun.txt")
}

# count of one request name in the last report
count_of() {
  python3 - "$LAST_REPORT" "$1" <<'EOF'
import sys
sys.path.insert(0, ".")
from report import parse
rows, _ = parse(sys.argv[1])
print(next((r["total"] for r in rows if r["name"] == sys.argv[2]), "0"))
EOF
}

say "portal benchmark $(date -u '+%Y-%m-%d %H:%M UTC') against $BASE_URL (pid ${PID:-unknown})"
machine

if $DO_SAT; then
  say ""
  say "== saturation: $SAT_USERS concurrent users, no think time, ${SAT_WARMUP}s warm-up + ${SAT_DURATION}s measured each; lesson pages, then the floor page"
  gatling -Dmode=saturation -Dscenario=both -Dusers="$SAT_USERS" -DwarmupSeconds="$SAT_WARMUP" \
    -DdurationSeconds="$SAT_DURATION"
  python3 report.py "$LAST_REPORT" --window "$SAT_DURATION" | tee -a "$SUMMARY"
  lessons=$(count_of "lesson page"); floors=$(count_of "floor page")
  say "  lesson pages/s: $(awk -v c="$lessons" -v d="$SAT_DURATION" 'BEGIN { printf "%.0f", c / d }')," \
    "floor pages/s: $(awk -v c="$floors" -v d="$SAT_DURATION" 'BEGIN { printf "%.0f", c / d }')," \
    "lesson/floor: $(awk -v a="$lessons" -v b="$floors" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')"
  say "  report: $LAST_REPORT/index.html"
  machine
fi

if $DO_LOAD; then
  say ""
  say "== load: $USERS learners (6 shared demo accounts, one session each), arriving over ${RAMP}s, then ${DURATION}s of" \
    "my learning / lesson page / save step / check page / check answer with ${THINK}s think time"
  if $HEAP_OK; then
    heap_after_gc histo-before-load.txt; before=$HEAP; sessions_before=$SESSIONS
    say "  heap before: ${before} KB used after full GC, $sessions_before HTTP sessions"
  fi
  gatling -Dmode=load -Dscenario=learner -Dusers="$USERS" -DrampSeconds="$RAMP" -DthinkSeconds="$THINK" \
    -DdurationSeconds="$DURATION"
  python3 report.py "$LAST_REPORT" | tee -a "$SUMMARY"
  say "  report: $LAST_REPORT/index.html"
  machine
  if $HEAP_OK; then
    heap_after_gc histo-after-load.txt; after=$HEAP; sessions_after=$SESSIONS
    pages=0
    for name in "my learning" "lesson page" "save step" "check page" "check answer"; do
      pages=$((pages + $(count_of "$name")))
    done
    new_sessions=$((sessions_after - sessions_before))
    say "  heap after: ${after} KB used after full GC, $sessions_after HTTP sessions ($new_sessions new)"
    say "  heap per learner session: $(awk -v a="$after" -v b="$before" -v n="$USERS" \
      'BEGIN { printf "%.1f", (a - b) / n }') KB (delta / $USERS learners), after" \
      "$(awk -v p="$pages" -v n="$USERS" 'BEGIN { printf "%.1f", p / n }') requests per learner besides sign-in"
    say "  largest heap growth by class, per learner session (bytes, objects):"
    python3 histo_diff.py target/histo-before-load.txt target/histo-after-load.txt "$USERS" | tee -a "$SUMMARY"
    floor_before=$after; floor_sessions_before=$sessions_after
  fi
fi

if $DO_FLOOR_LOAD; then
  say ""
  say "== load on the floor page: $USERS users over ${RAMP}s, then ${DURATION}s of GET /t/<slug>/login.xhtml" \
    "with ${THINK}s think time (session cookie kept)"
  if $HEAP_OK && [ -z "${floor_before:-}" ]; then
    heap_after_gc histo-after-load.txt; floor_before=$HEAP; floor_sessions_before=$SESSIONS
  fi
  gatling -Dmode=load -Dscenario=floor -Dusers="$USERS" -DrampSeconds="$RAMP" -DthinkSeconds="$THINK" \
    -DdurationSeconds="$DURATION"
  python3 report.py "$LAST_REPORT" | tee -a "$SUMMARY"
  say "  report: $LAST_REPORT/index.html"
  machine
  if $HEAP_OK; then
    heap_after_gc histo-after-floor.txt; after=$HEAP
    say "  heap per floor session: $(awk -v a="$after" -v b="$floor_before" -v n="$USERS" \
      'BEGIN { printf "%.1f", (a - b) / n }') KB ($((SESSIONS - floor_sessions_before)) new sessions)"
    if [ -f target/histo-after-load.txt ]; then
      say "  largest heap growth by class, per floor session (bytes, objects):"
      python3 histo_diff.py target/histo-after-load.txt target/histo-after-floor.txt "$USERS" 6 | tee -a "$SUMMARY"
    fi
  fi
fi

$DO_HEAP || say "heap: not measured (--no-heap)"
$DO_HEAP && ! $HEAP_OK && say "heap: not measured (no portal pid; pass --pid, or run as the portal's user)"
say ""
say "summary written to $SUMMARY"
