#!/usr/bin/env bash
# Certificate benchmark, one command: PDF download p50/p95 and the public verification page's throughput.
#
#   bench/certificates.sh --start     # starts its own portal (copy of ../target/portal.jar, fresh data dir, free port)
#   bench/certificates.sh --base-url http://localhost:8080   # a started portal (start it with PORTAL_VERIFY_RATE
#                                     # raised, or the rate limit answers 429 after 120 requests a minute)
#
# 1. signs in as the demo learner certified@acme.example (who holds a certificate from start-up) and reads the
#    certificate's code from My learning;
# 2. downloads the certificate PDF (rendered on every request) 30 times to warm up, then 300 times, one after the
#    other: p50 / p95 / max in ms (curl's time_total, so HTTP included);
# 3. hits /verify/<code> with ApacheBench: 20 concurrent keep-alive clients, 5,000 requests warm-up, then 50,000
#    measured (requests/s, p50/p95/p99); then the same without keep-alive (a new connection per request, like
#    phones scanning the QR code).
# Needs curl, python3 and ab (apache2-utils; installed with apt-get when missing).
set -euo pipefail
cd "$(dirname "$0")"
BENCH_DIR=$(pwd)
BASE_URL=http://localhost:8080
START=false
CONCURRENCY=20
REQUESTS=50000
PDFS=300

while [ $# -gt 0 ]; do
  case "$1" in
    --start) START=true ;;
    --base-url) BASE_URL=$2; shift ;;
    --concurrency) CONCURRENCY=$2; shift ;;
    --requests) REQUESTS=$2; shift ;;
    --pdfs) PDFS=$2; shift ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done

command -v ab >/dev/null || { echo "installing apache2-utils (ab)"; apt-get install -y apache2-utils >/dev/null; }
mkdir -p target
SUMMARY=$BENCH_DIR/target/certificates-summary-$(date +%Y%m%d-%H%M%S).txt
say() { echo "$@" | tee -a "$SUMMARY"; }

. "$BENCH_DIR/portal-lib.sh"
trap stop_portal EXIT
if $START; then
  start_portal PORTAL_VERIFY_RATE=1000000000
fi
wait_portal "$BASE_URL/t/acme/login.xhtml" 240

JAR_COOKIES=$(mktemp)
sign_in "$JAR_COOKIES" acme certified@acme.example demo-password
CODE=$(curl -s -b "$JAR_COOKIES" "$BASE_URL/t/acme/learn/index.xhtml" | grep -o 'class="certificate-code">[^<]*' | head -1 \
  | sed 's/.*>//')
[ -n "$CODE" ] || { echo "could not read certified@acme.example's certificate code from My learning" >&2; exit 1; }

say "certificate benchmark $(date -u '+%Y-%m-%d %H:%M UTC') against $BASE_URL, certificate $CODE"
say "  machine: $(nproc) cores, load average$(uptime | sed 's/.*load average//')"

PDF_URL="$BASE_URL/t/acme/learn/certificates/$CODE.pdf"
times=$(mktemp)
for i in $(seq 1 30); do curl -s -o /dev/null -b "$JAR_COOKIES" "$PDF_URL"; done
for i in $(seq 1 "$PDFS"); do
  curl -s -o /dev/null -b "$JAR_COOKIES" -w '%{http_code} %{time_total} %{size_download}\n' "$PDF_URL" >>"$times"
done
python3 - "$times" <<'PY' | tee -a "$SUMMARY"
import sys
rows = [l.split() for l in open(sys.argv[1])]
bad = [r for r in rows if r[0] != "200"]
ms = sorted(float(r[1]) * 1000 for r in rows)
q = lambda p: ms[min(len(ms) - 1, int(p * len(ms)))]
print(f"== PDF download ({len(ms)} sequential, rendered each time): p50 {q(0.5):.1f} ms, p95 {q(0.95):.1f} ms, "
      f"max {ms[-1]:.1f} ms, size {int(rows[0][2]) // 1024} KB, non-200: {len(bad)}")
PY

VERIFY_URL="$BASE_URL/verify/$CODE"
cookies=$(curl -s -D - -o /dev/null "$VERIFY_URL" | grep -ci '^set-cookie' || true)
say "== verification page $VERIFY_URL: Set-Cookie headers on a plain GET: $cookies"
ab -q -k -c "$CONCURRENCY" -n 5000 "$VERIFY_URL" >/dev/null
for mode in keep-alive new-connection; do
  flag=-k; [ $mode = new-connection ] && flag=
  out=$(ab -q $flag -c "$CONCURRENCY" -n "$REQUESTS" "$VERIFY_URL")
  say "  $mode, $CONCURRENCY concurrent, $REQUESTS requests: $(echo "$out" | grep 'Requests per second' | awk '{print $4}') requests/s," \
    "p50 $(echo "$out" | awk '$1=="50%"{print $2}') ms, p95 $(echo "$out" | awk '$1=="95%"{print $2}') ms," \
    "p99 $(echo "$out" | awk '$1=="99%"{print $2}') ms, failed $(echo "$out" | awk '/Failed requests/{print $3}')," \
    "non-2xx $(echo "$out" | awk '/Non-2xx/{n=$3} END{print n+0}')"
done
say "  machine: load average$(uptime | sed 's/.*load average//')"
say "summary: $SUMMARY"
