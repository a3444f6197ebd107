#!/usr/bin/env bash
# Dashboard benchmark, one command: the admin dashboard and a manager's team page against a tenant of 10,000
# learners, on H2 and on PostgreSQL.
#
#   bench/dashboard.sh                 # both databases (PostgreSQL at 127.0.0.1:5432, user postgres, trust auth)
#   bench/dashboard.sh --db h2         # or --db pg
#   bench/dashboard.sh --requests 200 --warmup 30
#
# For each database:
# 1. starts a portal of its own (copy of ../target/portal.jar, fresh data dir or a new PostgreSQL database, free
#    port), waits until the demo tenants are provisioned, and stops it;
# 2. seeds tenant acme with SQL straight into the database (dashboard-seed.py writes it): 200 managers with 50
#    direct reports each (10,000 learners), about 200,000 step_progress rows of the collaborative-selling course
#    (role-play answers are valid paths), 1,000 completions with assessment attempts and certificates (some
#    expired, some revoked) and 1,286 due dates (half of them past); the seeded accounts share the demo password;
# 3. starts the portal again, signs in as admin@acme.example and as bench-manager-1@acme.example (50 reports),
#    and requests GET /t/acme/admin/dashboard.xhtml and GET /t/acme/manage/index.xhtml one after the other:
#    warm-up, then the measured requests; p50 / p95 / p99 / max in ms (client side, HTTP included), and the
#    first request's time (for the admin: the tenant figures computed while the request waits; later requests
#    get them from the per-tenant cache, refreshed in the background once a minute).
# Needs curl, python3 (with PyYAML), psql for PostgreSQL, and the H2 2.2.224 jar in ~/.m2 (Payara's own H2).
set -euo pipefail
cd "$(dirname "$0")"
BENCH_DIR=$(pwd)
DBS="h2 pg"
REQUESTS=200
WARMUP=30
PG_HOST=${PG_HOST:-127.0.0.1}

while [ $# -gt 0 ]; do
  case "$1" in
    --db) DBS=$2; shift ;;
    --requests) REQUESTS=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done

H2_JAR=${H2_JAR:-$HOME/.m2/repository/com/h2database/h2/2.2.224/h2-2.2.224.jar}
mkdir -p target
SUMMARY=$BENCH_DIR/target/dashboard-summary-$(date +%Y%m%d-%H%M%S).txt
say() { echo "$@" | tee -a "$SUMMARY"; }

. "$BENCH_DIR/portal-lib.sh"
PG_DB=
cleanup() {
  stop_portal
  if [ -n "$PG_DB" ]; then psql -q -h "$PG_HOST" -U postgres -d test -c "DROP DATABASE IF EXISTS $PG_DB" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

# starts the portal again (after it was stopped) on the same data dir and port
restart_portal() {
  local port=${BASE_URL##*:}
  ( cd "$WORK" && exec env PORTAL_DATA_DIR="$WORK/data" PORTAL_TENANTS_DIR="$WORK/tenants" \
      PORTAL_PUBLIC_URL="http://localhost:$port" "$@" java -jar "$WORK/portal.jar" --port "$port" >>"$WORK/portal.log" 2>&1 ) &
  PID=$!
}

measure() { # name url marker
  python3 - "$1" "$2" "$3" "$COOKIES" "$WARMUP" "$REQUESTS" <<'EOF' | tee -a "$SUMMARY"
import http.client, sys, time, urllib.parse
name, url, marker, jar, warmup, requests = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6])
cookies = []
for line in open(jar):
    parts = line.rstrip("\n").split("\t")
    if len(parts) == 7 and not (line.startswith("#") and not line.startswith("#HttpOnly_")):
        cookies.append(parts[5] + "=" + parts[6])
u = urllib.parse.urlsplit(url)
conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
times, bad, size, first = [], 0, 0, None
for i in range(warmup + requests):
    start = time.perf_counter()
    conn.request("GET", u.path, headers={"Cookie": "; ".join(cookies)})
    response = conn.getresponse()
    body = response.read()
    elapsed = (time.perf_counter() - start) * 1000
    if response.status != 200 or marker.encode() not in body:
        bad += 1
        if bad == 1:
            print("  unexpected answer: HTTP", response.status, body[:300])
    if first is None:
        first = elapsed
    if i >= warmup:
        times.append(elapsed)
        size = len(body)
times.sort()
pick = lambda q: times[min(len(times) - 1, int(q * len(times)))]
print(f"  {name}: {len(times)} requests, {bad} bad, {size // 1024} KB, p50 {pick(0.50):.0f} ms, p95 {pick(0.95):.0f} ms,"
      f" p99 {pick(0.99):.0f} ms, max {times[-1]:.0f} ms (first request {first:.0f} ms)")
EOF
}

for db in $DBS; do
  extra=()
  if [ "$db" = pg ]; then
    PG_DB=dash_bench_$(date +%s)
    psql -q -h "$PG_HOST" -U postgres -d test -c "CREATE DATABASE $PG_DB" >/dev/null
    extra=(PORTAL_DB_URL="jdbc:postgresql://$PG_HOST:5432/$PG_DB" PORTAL_DB_USER=postgres)
  else
    [ -f "$H2_JAR" ] || { echo "no H2 jar at $H2_JAR" >&2; exit 1; }
  fi
  start_portal "${extra[@]}"
  wait_portal "$BASE_URL/t/acme/login.xhtml" 240
  sleep 2
  python3 "$BENCH_DIR/dashboard-seed.py" --dialect "$db" --course "$BENCH_DIR/../src/main/resources/catalog/collaborative-selling" \
    > "$WORK/seed.sql"
  kill "$PID"; for _ in $(seq 1 60); do kill -0 "$PID" 2>/dev/null || break; sleep 1; done
  seeded=$(date +%s)
  if [ "$db" = pg ]; then
    psql -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -U postgres -d "$PG_DB" -f "$WORK/seed.sql" >/dev/null
    counts=$(psql -At -h "$PG_HOST" -U postgres -d "$PG_DB" -c "select (select count(*) from account where tenant_id='acme'),
      (select count(*) from step_progress where tenant_id='acme'), (select count(*) from certificate where tenant_id='acme')")
  else
    java -cp "$H2_JAR" org.h2.tools.RunScript -url "jdbc:h2:file:$WORK/data/portal" -user sa -script "$WORK/seed.sql"
    echo "select (select count(*) from account where tenant_id='acme') || '|' || (select count(*) from step_progress
      where tenant_id='acme') || '|' || (select count(*) from certificate where tenant_id='acme');" > "$WORK/count.sql"
    counts=$(java -cp "$H2_JAR" org.h2.tools.Shell -url "jdbc:h2:file:$WORK/data/portal" -user sa -sql "$(cat "$WORK/count.sql")" \
      | grep -E '^[0-9]+\|' | head -1)
  fi
  say "dashboard benchmark $(date -u '+%Y-%m-%d %H:%M UTC'), $db, seeded in $(( $(date +%s) - seeded )) s:" \
    "accounts|step_progress|certificates of acme = $counts"
  say "  machine: $(nproc) cores, load average$(uptime | sed 's/.*load average//')"
  restart_portal "${extra[@]}"
  wait_portal "$BASE_URL/t/acme/login.xhtml" 240

  COOKIES=$(mktemp)
  sign_in "$COOKIES" acme admin@acme.example demo-password
  measure "admin dashboard ($db)" "$BASE_URL/t/acme/admin/dashboard.xhtml" 'id="summary"'
  rm -f "$COOKIES"; COOKIES=$(mktemp)
  sign_in "$COOKIES" acme bench-manager-1@acme.example demo-password
  measure "manager team page, 50 reports ($db)" "$BASE_URL/t/acme/manage/index.xhtml" 'id="team"'
  rm -f "$COOKIES"
  stop_portal
  PID=
  if [ "$db" = pg ]; then psql -q -h "$PG_HOST" -U postgres -d test -c "DROP DATABASE $PG_DB" >/dev/null; PG_DB=; fi
done
say "summary: $SUMMARY"
