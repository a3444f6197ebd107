#!/usr/bin/env bash
# Saturation of the learner's lesson page and of the floor page, measured with ApacheBench instead of
# Gatling: ab costs the 2 shared cores far less, so the figures say more about the portal.
#
#   bench/saturation-ab.sh --start     # its own portal (copy of ../target/portal.jar, fresh data dir, free port)
#   bench/saturation-ab.sh --base-url http://localhost:8080
#
# Signs in 20 times as learner@acme.example with curl (20 sessions, like 20 learners with one tab each),
# then runs 20 ab clients at once, one per session with one keep-alive connection, without think time:
# 5,000 warm-up requests, 30,000 measured, of
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

LESSON="$BASE_URL/t/acme/learn/player.xhtml?course=collaborative-selling&step=m1-l1"
FLOOR="$BASE_URL/t/acme/login.xhtml"
# one session per client, as 20 learners each with one browser tab: a single session hammered by 20
# parallel requests is not what users do (Faces keeps a bounded number of views per session)
SESSIONS=()
for i in $(seq 1 "$CONCURRENCY"); do
  jar=$(mktemp)
  sign_in "$jar" acme learner@acme.example demo-password
  SESSIONS+=("$(awk '$6 == "JSESSIONID" { print $7 }' "$jar" | tail -1)")
  [ -n "${SESSIONS[-1]}" ] || { echo "sign-in failed: no session cookie" >&2; exit 1; }
  if [ "$i" = 1 ]; then
    page=$(curl -s -b "$jar" "$LESSON")
    case "$page" in *'id="player"'*) ;; *) echo "the lesson page did not render for the signed-in learner" >&2; exit 1 ;; esac
  fi
done

say "saturation (ab) $(date -u '+%Y-%m-%d %H:%M UTC') against $BASE_URL: $CONCURRENCY clients, one session and one keep-alive connection each, $REQUESTS requests in all"
say "  machine: $(nproc) cores, load average$(uptime | sed 's/.*load average//')"
OUT=$(mktemp -d)
run_all() {  # url count label
  local pids=() i=0
  for session in "${SESSIONS[@]}"; do
    i=$((i + 1))
    ab -q -k -C "JSESSIONID=$session" -c 1 -n "$2" "$1" >"$OUT/$3-$i.txt" 2>&1 &
    pids+=($!)
  done
  wait "${pids[@]}"
}
declare -A RATE
for name in lesson floor; do
  url=$LESSON; [ $name = floor ] && url=$FLOOR
  run_all "$url" $((5000 / CONCURRENCY)) warm
  started=$(date +%s.%N)
  run_all "$url" $((REQUESTS / CONCURRENCY)) "$name"
  ended=$(date +%s.%N)
  RATE[$name]=$(python3 - "$OUT" "$name" "$started" "$ended" <<'PY'
import glob, re, sys
out, name, started, ended = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
done = non2xx = 0
p50s, p95s, p99s = [], [], []
for f in glob.glob(f"{out}/{name}-*.txt"):
    text = open(f).read()
    done += int(re.search(r"Complete requests:\s+(\d+)", text).group(1))
    m = re.search(r"Non-2xx responses:\s+(\d+)", text)
    non2xx += int(m.group(1)) if m else 0
    for pct, bucket in (("50%", p50s), ("95%", p95s), ("99%", p99s)):
        bucket.append(int(re.search(rf"^\s*{pct}\s+(\d+)", text, re.M).group(1)))
p50s.sort()
rate = done / (ended - started)
print(f"{rate:.0f} {done} {non2xx} {p50s[len(p50s) // 2]} {max(p95s)} {max(p99s)}")
PY
)
  read -r rate done non2xx p50 p95 p99 <<<"${RATE[$name]}"
  RATE[$name]=$rate
  say "  $name: $rate requests/s ($done requests), p50 $p50 ms (median client), p95 $p95 ms and p99 $p99 ms (worst client), non-2xx $non2xx"
done
say "  lesson/floor: $(awk -v a="${RATE[lesson]}" -v b="${RATE[floor]}" 'BEGIN { printf "%.2f", a / b }')"
say "  machine: load average$(uptime | sed 's/.*load average//')"
