#!/usr/bin/env bash
# Rolling restart of the cluster deploy/cluster/start.sh started from this checkout: one node at a time, so
# that learners never see a failed request (sessions are replicated, so nobody signs in again).
#
#   deploy/cluster/restart.sh                   every node, node-1 first
#   deploy/cluster/restart.sh --node 2          node-2 only (also starts a node that died or was stopped)
#   deploy/cluster/restart.sh --jar new.jar     the new version: every node restarts on new.jar
#
# For each node: HAProxy puts it in maintenance (no new request reaches it, learners pinned to it move to
# another node, which has their sessions), the requests it is still answering finish, then SIGTERM through
# stop.sh (readiness DOWN, drain, stop); the node starts again with the same ports and settings; once it is
# ready, HAProxy puts it back and the script waits until HAProxy's own checks see it UP before it goes on
# to the next. It refuses to take down the last node that HAProxy sees UP. docs/operations.md,
# "Clustering", explains it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
run="${PORTAL_CLUSTER_DIR:-$root/target/cluster}"

fail() { echo "restart.sh: $*" >&2; exit 2; }
# shellcheck source=lib.sh
. "$here/lib.sh"

[ -f "$run/cluster.env" ] || fail "no cluster was started from this checkout ($run/cluster.env is missing): deploy/cluster/start.sh"
# shellcheck disable=SC1091
. "$run/cluster.env"

only= new_jar=
while [ $# -gt 0 ]; do
  case "$1" in
    --node) only="${2-}"; shift 2 || fail "--node needs a node number" ;;
    --jar) new_jar="${2-}"; shift 2 || fail "--jar needs a file" ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) fail "unknown option '$1' (deploy/cluster/restart.sh --help lists the options)" ;;
  esac
done
if [ -n "$only" ]; then
  [[ "$only" =~ ^[1-9]$ ]] && [ "$only" -le "$nodes" ] || fail "--node: '$only' is not a node of this cluster (1 to $nodes)"
fi
if [ -n "$new_jar" ]; then
  [ -f "$new_jar" ] || fail "--jar: '$new_jar' does not exist"
  jar="$(cd "$(dirname "$new_jar")" && pwd)/$(basename "$new_jar")"
  sed -i "s|^jar=.*|jar=$(printf '%q' "$jar")|" "$run/cluster.env"
fi
pid_alive "$run/haproxy.pid" || fail "HAProxy of this cluster is not running: start the cluster with deploy/cluster/start.sh"

others_up() {
  local i="$1" j count=0
  for j in $(seq 1 "$nodes"); do
    [ "$j" = "$i" ] || [ "$(haproxy_state "$j" | cut -d' ' -f1)" != UP ] || count=$((count + 1))
  done
  echo "$count"
}

for i in $( [ -n "$only" ] && echo "$only" || seq 1 "$nodes"); do
  if pid_alive "$run/node-$i.pid"; then
    [ "$(others_up "$i")" -gt 0 ] || fail "node-$i is the only node HAProxy sees UP: restarting it would leave nobody to serve"
    haproxy_set "$i" maint
    deadline=$((SECONDS + 30))
    until [ "$(haproxy_connections "$i")" = 0 ] || [ "$SECONDS" -ge "$deadline" ]; do sleep 0.2; done
    "$here/stop.sh" --node "$i"
  else
    echo "node-$i: not running; starting it"
  fi
  start_node "$i"
  wait_ready "$i"
  haproxy_set "$i" ready
  wait_haproxy "$i" UP
done
echo "Restarted: $( [ -n "$only" ] && echo "node-$only" || echo "all $nodes nodes"), on $jar"
