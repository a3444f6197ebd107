#!/usr/bin/env bash
# Checks a cluster that deploy/cluster/start.sh started (2 nodes or more), through HAProxy, with curl:
# readiness, a tenant by host name, a signed-in learner kept on one node, and failover: it KILLS the node
# serving that learner (kill -9) and checks that another node answers the learner's next requests without
# a new sign-in (sessions are replicated). deploy/cluster/restart.sh --node N starts the killed node again.
# Run deploy/cluster/stop.sh afterwards. Exits 1 on the first failed check.
#
#   deploy/cluster/check.sh [--port 8080]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
run="${PORTAL_CLUSTER_DIR:-$(cd "$here/../.." && pwd)/target/cluster}"
port=8080 stats=8404
if [ -f "$run/cluster.env" ]; then # the ports start.sh used
  port="$(sed -n 's/^lb_port=//p' "$run/cluster.env")" stats="$(sed -n 's/^stats_port=//p' "$run/cluster.env")"
fi
[ "${1-}" != --port ] || port="${2:?--port needs a port number}"
lb="http://127.0.0.1:$port"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

ok() { echo "ok:   $*"; }
bad() { echo "FAIL: $*"; exit 1; }
# the node HAProxy pinned the learner to: the prefix it put on the session cookie ("n1~..." is node-1)
pinned() { awk '$6 == "JSESSIONID" { split($7, v, "~"); print v[1] }' "$work/jar" | sed 's/^n/node-/'; }
status() { awk -F, -v n="$1" '$1 == "nodes" && $2 == n { print $18 }' <(curl -s "http://127.0.0.1:$stats/;csv"); }

sign_in() {
  local page view code
  page="$(curl -s -c "$work/jar" -b "$work/jar" "$lb/t/acme/login.xhtml")"
  view="$(grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' <<<"$page" | sed 's/.*value="//; s/"$//' | head -n 1)"
  [ -n "$view" ] || bad "the sign-in page through HAProxy has no Faces view state"
  code="$(curl -s -o /dev/null -w '%{http_code}' -c "$work/jar" -b "$work/jar" "$lb/t/acme/login.xhtml" \
    --data-urlencode login=login --data-urlencode email=learner@acme.example \
    --data-urlencode password=demo-password --data-urlencode submit= --data-urlencode "jakarta.faces.ViewState=$view")"
  [ "$code" = 302 ] || bad "signing in as learner@acme.example answered $code, not 302"
}
learn() { curl -s -o "$work/page" -w '%{http_code}|%{redirect_url}|%{time_total}' -c "$work/jar" -b "$work/jar" "$lb/t/acme/learn/index.xhtml"; }

# 1. readiness through HAProxy
code="$(curl -s -o "$work/ready" -w '%{http_code}' "$lb/health/ready")"
[ "$code" = 200 ] || bad "$lb/health/ready answered $code"
ok "GET /health/ready through HAProxy: 200 $(tr -d '\n ' <"$work/ready" | cut -c1-160)"

# 2. the Host header reaches the nodes: acme by host name
code="$(curl -s -o "$work/acme" -w '%{http_code}' -H 'Host: acme.example.com' "$lb/")"
[ "$code" = 200 ] && grep -q 'Acme Corporation' "$work/acme" || bad "Host: acme.example.com answered $code without Acme's page"
ok "GET / with Host: acme.example.com: 200, Acme Corporation's page"

# 3. sticky: the signed-in learner stays on one node
sign_in
node="$(pinned)"
[ -n "$node" ] || bad "HAProxy did not prefix the session cookie with a node id: $(grep JSESSIONID "$work/jar")"
ok "signed in as learner@acme.example: 302, session cookie pinned to $node ($(awk '$6 == "JSESSIONID" { print $7 }' "$work/jar" | cut -c1-12)...)"
for n in 1 2 3 4 5 6; do
  IFS="|" read -r code _ _ <<<"$(learn)"
  [ "$code" = 200 ] || bad "request $n to My learning answered $code"
  [ "$(pinned)" = "$node" ] || bad "request $n moved the learner from $node to $(pinned)"
done
ok "6 requests to My learning: all 200, all on $node (HAProxy status: node-1 $(status node-1), node-2 $(status node-2))"

# 4. failover: kill -9 the learner's node; the next request is answered by another node
pid="$(cat "$run/$node.pid")"
kill -KILL "$pid"
ok "kill -9 $node (pid $pid)"
IFS="|" read -r code location took <<<"$(learn)"
case "$code" in
  200) ok "next request after the kill: 200 in ${took} s from another node, still signed in (the session was replicated)" ;;
  302) bad "next request after the kill: 302 to $location (the session was lost: is the cluster --independent?)" ;;
  *) bad "next request after the kill answered $code in ${took} s" ;;
esac
for n in 1 2 3 4 5; do
  IFS="|" read -r code _ _ <<<"$(learn)"
  [ "$code" = 200 ] || bad "request $n after the kill answered $code"
done
ok "5 more requests to My learning after the kill: all 200, without signing in again"
for _ in $(seq 1 20); do [ "$(status "$node")" = DOWN ] && break; sleep 1; done
[ "$(status "$node")" = DOWN ] || bad "HAProxy still shows $node as $(status "$node") 20 s after the kill"
code="$(curl -s -o /dev/null -w '%{http_code}' "$lb/health/ready")"
[ "$code" = 200 ] || bad "/health/ready through HAProxy answered $code with $node down"
ok "HAProxy marks $node DOWN by its health check; /health/ready through HAProxy: 200"
