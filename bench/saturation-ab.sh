#!/usr/bin/env bash
# Saturation of the learner's lesson page and of the floor page, measured with ApacheBench instead of
# Gatling: ab costs the 2 shared cores far less, so the figures say more about the portal.
#
#   bench/saturation-ab.sh --start     # its own portal (copy of ../target/portal.jar, fresh data dir, free port)
#   bench/saturation-ab.sh --base-url http://localhost:8080
#
# Signs in as learner@acme.example with curl (one session, as one learner's browser tab hammering the
# page), then with 20 concurrent keep-alive clients: 5,000 warm-up requests, 30,000 measured, of
#   lesson: GET /t/acme/learn/player.xhtml?course=collaborative-selling&step=m1-l1 (signed in)
#   floor:  GET /t/acme/login.xhtml with the same session cookie (the cheapest Faces page)
# Prints requests/s and p50/p95/p99, and the lesson/floor ratio. Needs curl, python3 and ab (apache2-utils).
set -euo pipefail
cd "$(dirname "$0")"
BENCH_DIR=$(pwd)
BASE_URL=http://localhost:8080
START=false
CONCURRENCY=20
REQUESTS=30000
while [ $# -gt 0 ]; do
  case "$1" in
    --start) START=true ;;
    --base-url) BASE_URL=$2; shift ;;
    --concurrency) CONCURRENCY=$2; shift ;;
    --requests) REQUESTS=$2; shift ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done
command -v ab >/dev/null || { echo "installing apache2-utils (ab)"; apt-get install -y apache2-utils >/dev/null; }
mkdir -p target
SUMMARY=$BENCH_DIR/target/saturation-ab-$(date +%Y%m%d-%H%M%S).txt
say() { echo "$@" | tee -a "$SUMMARY"; }
. "$BENCH_DIR/portal-lib.sh"
trap stop_portal EXIT
$START && start_portal
wait_portal "$BASE_URL/t/acme/login.xhtml" 240

JAR_COOKIES=$(mktemp)
sign_in "$JAR_COOKIES" acme learner@acme.example demo-password
SESSION=$(awk '$6 == "JSESSIONID" { print $7 }' "$JAR_COOKIES" | tail -1)
[ -n "$SESSION" ] || { echo "sign-in failed: no session cookie" >&2; exit 1; }
LESSON="$BASE_URL/t/acme/learn/player.xhtml?course=collaborative-selling&step=m1-l1"
FLOOR="$BASE_URL/t/acme/login.xhtml"
curl -s -b "$JAR_COOKIES" "$LESSON" | grep -q 'id="player"' || { echo "the lesson page did not render for the signed-in learner" >&2; exit 1; }

say "saturation (ab) $(date -u '+%Y-%m-%d %H:%M UTC') against $BASE_URL: $CONCURRENCY concurrent keep-alive clients, $REQUESTS requests"
say "  machine: $(nproc) cores, load average$(uptime | sed 's/.*load average//')"
declare -A RATE
for name in lesson floor; do
  url=$LESSON; [ $name = floor ] && url=$FLOOR
  ab -q -k -C "JSESSIONID=$SESSION" -c "$CONCURRENCY" -n 5000 "$url" >/dev/null
  out=$(ab -q -k -C "JSESSIONID=$SESSION" -c "$CONCURRENCY" -n "$REQUESTS" "$url")
  RATE[$name]=$(echo "$out" | awk '/Requests per second/ { print $4 }')
  say "  $name: ${RATE[$name]} requests/s, p50 $(echo "$out" | awk '$1=="50%"{print $2}') ms," \
    "p95 $(echo "$out" | awk '$1=="95%"{print $2}') ms, p99 $(echo "$out" | awk '$1=="99%"{print $2}') ms," \
    "failed $(echo "$out" | awk '/Failed requests/{print $3}'), non-2xx $(echo "$out" | awk '/Non-2xx/{n=$3} END{print n+0}')," \
    "bytes/page $(echo "$out" | awk '/Document Length/{print $3}')"
done
say "  lesson/floor: $(awk -v a="${RATE[lesson]}" -v b="${RATE[floor]}" 'BEGIN { printf "%.2f", a / b }')"
say "  machine: load average$(uptime | sed 's/.*load average//')"
