#!/usr/bin/env bash
# Stops what deploy/cluster/start.sh started from this checkout, and nothing else: the processes named in
# target/cluster/*.pid, each checked to still be that process before it gets a signal.
#
#   deploy/cluster/stop.sh            every node (SIGTERM: readiness DOWN, drain, stop), then HAProxy
#   deploy/cluster/stop.sh --node 2   node-2 only; HAProxy sends its traffic to the other nodes
#   deploy/cluster/stop.sh --now      no drain (a second SIGTERM right after the first)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
run="${PORTAL_CLUSTER_DIR:-$(cd "$here/../.." && pwd)/target/cluster}"

fail() { echo "stop.sh: $*" >&2; exit 2; }

only= now=no
while [ $# -gt 0 ]; do
  case "$1" in
    --node) only="${2-}"; shift 2 || fail "--node needs a node number" ;;
    --now) now=yes; shift ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) fail "unknown option '$1' (deploy/cluster/stop.sh --help lists the options)" ;;
  esac
done
[ -z "$only" ] || [[ "$only" =~ ^[1-9]$ ]] || fail "--node: '$only' is not a node number from 1 to 9"

# The pid of a pid file, if that process still runs and is the one start.sh started (a pid can be reused).
ours() {
  local pidfile="$1" what="$2" pid args
  [ -f "$pidfile" ] || return 1
  pid="$(cat "$pidfile")"
  if ! args="$(ps -o args= -p "$pid" 2>/dev/null)" || [[ "$args" == *"<defunct>"* ]]; then
    echo "$what: not running (pid $pid is gone)" >&2
    rm -f "$pidfile"
    return 1
  fi
  case "$what" in
    node-*) [[ "$args " == *" -jar "*" --name $what "* ]] ;;
    haproxy) [[ "$args" == *haproxy*"$run/haproxy.cfg"* ]] ;;
  esac || { echo "$what: pid $pid is another program now ($args); left alone" >&2; rm -f "$pidfile"; return 1; }
  echo "$pid"
}

# Waits until the processes are gone; after the drain (PORTAL_DRAIN_SECONDS, 10 s unless set) and 30 s for
# running requests, plus a margin, a node that still runs is killed.
wait_gone() {
  local deadline=$((SECONDS + ${PORTAL_DRAIN_SECONDS:-10} + 45)) pid
  for pid in "$@"; do
    while kill -0 "$pid" 2>/dev/null; do
      if [ "$SECONDS" -ge "$deadline" ]; then
        echo "pid $pid did not stop in time: SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        break
      fi
      sleep 1
    done
  done
}

[ -d "$run" ] || { echo "Nothing to stop: no target/cluster directory"; exit 0; }

pids=()
for pidfile in "$run"/node-*.pid; do
  [ -e "$pidfile" ] || continue
  name="$(basename "$pidfile" .pid)"
  [ -z "$only" ] || [ "$name" = "node-$only" ] || continue
  if pid="$(ours "$pidfile" "$name")"; then
    echo "$name: SIGTERM (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    pids+=("$pid")
  fi
done
if [ "$now" = yes ] && [ "${#pids[@]}" -gt 0 ]; then
  sleep 1
  kill -TERM "${pids[@]}" 2>/dev/null || true
fi
[ "${#pids[@]}" -eq 0 ] || wait_gone "${pids[@]}"
for pid in "${pids[@]}"; do
  for pidfile in "$run"/node-*.pid; do
    [ "$(cat "$pidfile" 2>/dev/null)" = "$pid" ] && { echo "$(basename "$pidfile" .pid): stopped"; rm -f "$pidfile"; }
  done
done

if [ -z "$only" ] && [ -e "$run/haproxy.pid" ]; then
  if pid="$(ours "$run/haproxy.pid" haproxy)"; then
    kill -TERM "$pid" 2>/dev/null || true
    wait_gone "$pid"
    rm -f "$run/haproxy.pid"
    echo "haproxy: stopped"
  fi
fi
