#!/usr/bin/env bash
# Where a lesson request's time goes: records a JFR profile of the portal while 20 signed-in learner sessions request
# the lesson page back to back (the load of saturation-ab.sh), then prints the hottest methods.
#
#   bench/profile-lesson.sh --start            # its own portal (copy of ../target/portal.jar, fresh data dir)
#   bench/profile-lesson.sh --base-url http://localhost:8080 --pid 12345
#   bench/profile-lesson.sh --start --step m1-l2 --seconds 40
#
# Keeps the recording as target/lesson-<time>.jfr and the summary as target/lesson-profile-<time>.txt:
#   self:      the top frame of each execution sample (where the CPU was), by method
#   inclusive: samples whose stack contains the method (what it cost with everything it called), for the portal's
#              own code and the framework entry points that matter (Faces phases, state saving, JPA, filters)
# Needs curl, python3, ab (apache2-utils), and the JDK's jcmd and jfr.
set -euo pipefail
cd "$(dirname "$0")"
BENCH_DIR=$(pwd)
BASE_URL=http://localhost:8080
START=false
CONCURRENCY=20
SECONDS_RECORDED=30
STEP=m1-l1
while [ $# -gt 0 ]; do
  case "$1" in
    --start) START=true ;;
    --base-url) BASE_URL=$2; shift ;;
    --pid) PID=$2; shift ;;
    --step) STEP=$2; shift ;;
    --seconds) SECONDS_RECORDED=$2; shift ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done
command -v ab >/dev/null || { echo "installing apache2-utils (ab)"; apt-get install -y apache2-utils >/dev/null; }
mkdir -p target
STAMP=$(date +%Y%m%d-%H%M%S)
JFR_FILE=$BENCH_DIR/target/lesson-$STAMP.jfr
SUMMARY=$BENCH_DIR/target/lesson-profile-$STAMP.txt
OWN_PID=${PID:-}
. "$BENCH_DIR/portal-lib.sh"
PID=$OWN_PID
trap stop_portal EXIT
$START && start_portal
wait_portal "$BASE_URL/t/acme/login.xhtml" 240
if [ -z "$PID" ]; then
  port=$(echo "$BASE_URL" | sed -E 's#^[a-z]+://[^:/]+:?([0-9]*).*#\1#')
  PID=$(ss -ltnpH "sport = :${port:-80}" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)
fi
[ -n "$PID" ] || { echo "no portal process id (pass --pid)" >&2; exit 1; }

LESSON="$BASE_URL/t/acme/learn/player.xhtml?course=collaborative-selling&step=$STEP"
SESSIONS=()
for _ in $(seq 1 "$CONCURRENCY"); do
  jar=$(mktemp)
  sign_in "$jar" acme learner@acme.example demo-password
  SESSIONS+=("$(awk '$6 == "JSESSIONID" { print $7 }' "$jar" | tail -1)")
  rm -f "$jar"
done
clients() {  # seconds: every session requests the lesson page back to back for that long
  local pids=()
  for session in "${SESSIONS[@]}"; do
    ab -q -k -C "JSESSIONID=$session" -c 1 -t "$1" -n 10000000 "$LESSON" >/dev/null 2>&1 &
    pids+=($!)
  done
  wait "${pids[@]}"
}
echo "warming up (15 s)"
clients 15
jcmd "$PID" JFR.start name=lesson settings=profile filename="$JFR_FILE" >/dev/null
echo "recording $SECONDS_RECORDED s of lesson requests ($LESSON)"
clients "$SECONDS_RECORDED"
jcmd "$PID" JFR.stop name=lesson >/dev/null
{
  echo "lesson profile $(date -u '+%Y-%m-%d %H:%M UTC'): $CONCURRENCY sessions, ab back to back, ${SECONDS_RECORDED}s recorded, $LESSON"
  jfr print --events jdk.ExecutionSample --stack-depth 200 "$JFR_FILE" | python3 "$BENCH_DIR/jfr_hot.py"
} | tee "$SUMMARY"
echo "recording: $JFR_FILE; summary: $SUMMARY"
