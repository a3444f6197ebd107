#!/usr/bin/env bash
# Starts the portal as a cluster on this machine with one command:
#   N Payara Micro nodes of target/portal.jar (ports 8081..), clustered through Hazelcast on the loopback
#   address, on the PostgreSQL at 127.0.0.1:5432, behind HAProxy on port 8080.
#
#   deploy/cluster/start.sh [--nodes N] [--db NAME] [--port PORT] [--bind ADDRESS] [--independent]
#                           [--stats-port PORT] [--hz-port PORT] [--jar FILE]
#
# --nodes N      nodes to start, 1 to 9 (default 2), on ports PORT+1 .. PORT+N
# --db NAME      PostgreSQL database (default portal_cluster); created when it does not exist
# --port PORT    HAProxy's port (default 8080); HAProxy's status page is on 127.0.0.1:8404
# --bind ADDRESS HAProxy's address (default 127.0.0.1; 0.0.0.0 to let other machines in)
# --independent  no Hazelcast: independent nodes behind HAProxy
# --stats-port P HAProxy's status page (default 8404, on 127.0.0.1)
# --hz-port P    the first node's Hazelcast port (default 5901; node i uses P+i-1)
# --jar FILE     the portal jar to run (default target/portal.jar, built when missing or older than the sources;
#                a jar named here is never built)
#
# PostgreSQL is reached as PGUSER (default postgres) with PGPASSWORD if set. PORTAL_* settings in the
# environment are passed on to the nodes (docs/operations.md, "Settings"). Everything the cluster writes
# (logs, pid files, HAProxy's configuration, the shared data directory) is in target/cluster/, or in
# PORTAL_CLUSTER_DIR when set (stop.sh and restart.sh read the same variable).
# deploy/cluster/stop.sh stops exactly what this started. docs/operations.md, "Clustering", explains it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
run="${PORTAL_CLUSTER_DIR:-$root/target/cluster}"
# shellcheck source=lib.sh
. "$here/lib.sh"

fail() { echo "start.sh: $*" >&2; exit 2; }

nodes=2 db=portal_cluster lb_port=8080 bind=127.0.0.1 independent=no jar=
stats_port=8404 hz_first_port=5901 ready_timeout="${CLUSTER_READY_TIMEOUT:-300}"
while [ $# -gt 0 ]; do
  case "$1" in
    --nodes) nodes="${2-}"; shift 2 || fail "--nodes needs a number" ;;
    --db) db="${2-}"; shift 2 || fail "--db needs a database name" ;;
    --port) lb_port="${2-}"; shift 2 || fail "--port needs a port number" ;;
    --bind) bind="${2-}"; shift 2 || fail "--bind needs an address" ;;
    --independent) independent=yes; shift ;;
    --stats-port) stats_port="${2-}"; shift 2 || fail "--stats-port needs a port number" ;;
    --hz-port) hz_first_port="${2-}"; shift 2 || fail "--hz-port needs a port number" ;;
    --jar) jar="${2-}"; shift 2 || fail "--jar needs a file" ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$here/start.sh"; exit 0 ;;
    *) fail "unknown option '$1' (deploy/cluster/start.sh --help lists the options)" ;;
  esac
done
[[ "$nodes" =~ ^[1-9]$ ]] || fail "--nodes: '$nodes' is not a number from 1 to 9"
[[ "$db" =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || fail "--db: '$db' is not a plain database name (a-z, 0-9, _; not starting with a digit)"
[[ "$lb_port" =~ ^[0-9]+$ ]] && [ "$lb_port" -ge 1 ] && [ "$((lb_port + nodes))" -le 65535 ] \
  || fail "--port: '$lb_port' is not a port number that leaves room for $nodes node port(s) after it"
[[ "$bind" =~ ^[0-9.]+$|^[0-9a-fA-F:]+$ ]] || fail "--bind: '$bind' is not an IP address"
[[ "$stats_port" =~ ^[0-9]+$ ]] && [ "$stats_port" -ge 1 ] && [ "$stats_port" -le 65535 ] \
  || fail "--stats-port: '$stats_port' is not a port number"
[[ "$hz_first_port" =~ ^[0-9]+$ ]] && [ "$hz_first_port" -ge 1 ] && [ "$((hz_first_port + nodes))" -le 65535 ] \
  || fail "--hz-port: '$hz_first_port' is not a port number that leaves room for $nodes node(s)"
[ -z "$jar" ] || [ -f "$jar" ] || fail "--jar: '$jar' does not exist"

# --- Nothing of a previous cluster may still run, and every port must be free -----------------------------
for pidfile in "$run"/*.pid; do
  if pid_alive "$pidfile"; then
    fail "$(basename "$pidfile" .pid) of a cluster started from this checkout is still running (pid $(cat "$pidfile")): stop it first with deploy/cluster/stop.sh"
  fi
done
ports=("$lb_port:HAProxy" "$stats_port:HAProxy's status page")
for i in $(seq 1 "$nodes"); do
  ports+=("$(node_port "$i"):node-$i (HTTP)")
  [ "$independent" = yes ] || ports+=("$(hz_port "$i"):node-$i (Hazelcast)")
done
for entry in "${ports[@]}"; do
  if port_taken "${entry%%:*}"; then
    fail "port ${entry%%:*}, wanted for ${entry#*:}, is in use by another program (see: ss -ltnp 'sport = :${entry%%:*}')"
  fi
done

# --- Tools: Java, PostgreSQL's client, curl, HAProxy (installed from Debian's packages when missing) -------
for tool in java psql curl; do
  command -v "$tool" >/dev/null || fail "'$tool' is not installed (Debian: openjdk-17-jdk-headless, postgresql-client, curl)"
done
if ! command -v haproxy >/dev/null; then
  echo "HAProxy is missing: installing Debian's haproxy package ..."
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q haproxy
  elif command -v sudo >/dev/null; then sudo apt-get install -y -q haproxy
  else fail "HAProxy is missing and cannot be installed without root: apt-get install haproxy"
  fi
  command -v haproxy >/dev/null || fail "HAProxy is still missing after apt-get install haproxy"
fi

# --- PostgreSQL: the database of the cluster ------------------------------------------------------------
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
if ! exists=$(psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" 2>&1); then
  fail "PostgreSQL at $PGHOST:$PGPORT does not let $PGUSER in: $exists"
fi
if [ "$exists" != 1 ]; then
  echo "Creating database $db ..."
  psql -d postgres -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE $db" || fail "cannot create database $db"
fi

# --- The jar: built like ./run.sh does, when missing or older than the sources ---------------------------
if [ -z "$jar" ]; then
  jar="$root/target/portal.jar"
  if [ ! -f "$jar" ] || [ -n "$(find pom.xml src -newer "$jar" -print -quit)" ]; then
    echo "Building target/portal.jar ..."
    mvn -q -B -DskipTests package
  fi
fi
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"

# --- From here on, a failure stops whatever was started ---------------------------------------------------
mkdir -p "$run"
rm -f "$run"/*.pid
started=no
cleanup() {
  if [ "$started" != yes ]; then
    echo "start.sh: the cluster did not start; stopping what was started" >&2
    "$here/stop.sh" >&2 || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export PORTAL_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db"
export PORTAL_DB_USER="$PGUSER" PORTAL_DB_PASSWORD="${PGPASSWORD:-}"
# One data directory for every node: the signing key-encryption key must be the same on every node (unless
# PORTAL_SIGNING_KEK is set), and an import previewed on one node is confirmed from the same staged file.
export PORTAL_DATA_DIR="${PORTAL_DATA_DIR:-$run/data}"
export PORTAL_TENANTS_DIR="${PORTAL_TENANTS_DIR:-$root/tenants}"
export PORTAL_OPERATOR_EMAIL="${PORTAL_OPERATOR_EMAIL-operator@portal.example}"
export PORTAL_OPERATOR_PASSWORD="${PORTAL_OPERATOR_PASSWORD-demo-password}"
export PORTAL_PUBLIC_URL="${PORTAL_PUBLIC_URL:-http://localhost:$lb_port}"
# HAProxy runs here and adds X-Forwarded-For: the nodes throttle sign-in guesses by the real client address.
export PORTAL_TRUSTED_PROXIES="${PORTAL_TRUSTED_PROXIES:-127.0.0.1}"
# Everything restart.sh needs to start a node again as this script did.
{
  for var in nodes lb_port stats_port hz_first_port independent jar ready_timeout; do
    printf '%s=%q\n' "$var" "${!var}"
  done
  for var in $(compgen -e | grep '^PORTAL_'); do
    printf 'export %s=%q\n' "$var" "${!var}"
  done
} >"$run/cluster.env"
rm -f "$run"/node-*.log

# The first node alone: it runs the migrations and creates the tenants, so that no two nodes race for them.
start_node 1
wait_ready 1
for i in $(seq 2 "$nodes"); do start_node "$i"; done
for i in $(seq 2 "$nodes"); do wait_ready "$i"; done

if [ "$independent" = no ]; then
  # Payara logs the data grid's size ("DG Size: N") when a node joins; the last node must see them all.
  seen="$(grep -o 'DG Size: [0-9]*' "$run/node-$nodes.log" | tail -n 1 | grep -o '[0-9]*$' || true)"
  [ "${seen:-0}" = "$nodes" ] || fail "Hazelcast: node-$nodes sees ${seen:-no} member(s), not $nodes (see $run/node-*.log)"
  echo "Hazelcast: $nodes member(s) in cluster trust-portal ($(members))"
fi

# --- HAProxy ----------------------------------------------------------------------------------------------
sed -e "s/@BIND@/$bind/" -e "s/@PORT@/$lb_port/" -e "s/@STATS_PORT@/$stats_port/" "$here/haproxy.cfg" >"$run/haproxy.cfg"
for i in $(seq 1 "$nodes"); do
  echo "    server node-$i 127.0.0.1:$(node_port "$i") check cookie n$i" >>"$run/haproxy.cfg"
done
haproxy -c -q -f "$run/haproxy.cfg" || fail "HAProxy refuses $run/haproxy.cfg (see above)"
haproxy -D -p "$run/haproxy.pid" -f "$run/haproxy.cfg"
echo "HAProxy: started on $bind:$lb_port (pid $(cat "$run/haproxy.pid"))"
deadline=$((SECONDS + 60))
# HAProxy's CSV status: column 18 is the server's state; wait until its checks found every node UP
until [ "$(curl -s --max-time 3 "http://127.0.0.1:$stats_port/;csv" | awk -F, '$1 == "nodes" && $2 ~ /^node-/ && $18 == "UP"' | wc -l)" = "$nodes" ]; do
  [ "$SECONDS" -lt "$deadline" ] || fail "HAProxy does not see every node UP within 60 s: http://127.0.0.1:$stats_port/"
  sleep 0.5
done
[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$lb_port/health/ready")" = 200 ] \
  || fail "http://127.0.0.1:$lb_port/health/ready does not answer 200 through HAProxy"
started=yes

case "$bind" in 127.0.0.1 | 0.0.0.0) host=localhost ;; *) host="$bind" ;; esac
cat <<EOF

The cluster is ready: $nodes node(s) behind HAProxy, database $db on $PGHOST:$PGPORT.
  http://$host:$lb_port/                 the landing page
  http://$host:$lb_port/t/acme/          a tenant by path
  http://acme.localhost:$lb_port/        a tenant by host name (HAProxy passes the Host header on)
  http://$host:$lb_port/health/ready     readiness through HAProxy
  http://127.0.0.1:$stats_port/          HAProxy's status page: which node is UP
EOF
for i in $(seq 1 "$nodes"); do
  echo "  http://127.0.0.1:$(node_port "$i")/             node-$i directly (log: $run/node-$i.log)"
done
echo
if [ "$independent" = yes ]; then
  cat <<EOF
Independent nodes (--independent): no Hazelcast, so sessions live on their node only. HAProxy keeps each
learner on one node (sticky on JSESSIONID); when that node stops, the learner signs in again on another.
EOF
else
  cat <<EOF
The nodes form one Hazelcast cluster (trust-portal) and replicate sessions through it: when a learner's
node stops or dies, HAProxy sends the learner to another node, which has their session and open pages.
EOF
fi
echo "Rolling restart: deploy/cluster/restart.sh. Stop everything: deploy/cluster/stop.sh."
