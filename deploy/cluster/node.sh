#!/usr/bin/env bash
# Runs one cluster node of target/portal.jar in the foreground (start.sh runs several in the background;
# on several hosts, run it once per host, for example from systemd).
#
#   deploy/cluster/node.sh --name node-1 --port 8081 --hz-port 5901 \
#       --members 10.0.0.11:5901,10.0.0.12:5901 --interface 10.0.0.11 [--independent] [-- payara options]
#
# --name       the node's name in Hazelcast and in the logs
# --port       HTTP port (the load balancer's "server" line points here)
# --hz-port    Hazelcast port of this node (Payara Micro's --startport; it takes the next free one if taken)
# --members    every node's host:hz-port, comma-separated (Hazelcast TCP/IP discovery: no multicast)
# --interface  the address Hazelcast binds to and announces (Payara Micro's --interfaces)
# --independent  no Hazelcast: a single node behind the load balancer, like `java -jar target/portal.jar`
#
# The portal's settings come from the environment (PORTAL_DB_URL, PORTAL_DATA_DIR, ...: docs/operations.md).
# JAVA_OPTS defaults to -Xmx768m. The jar is target/portal.jar of this checkout unless PORTAL_JAR is set.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="${PORTAL_JAR:-$here/../../target/portal.jar}"

fail() { echo "node.sh: $*" >&2; exit 2; }

name= port= hz_port= members= interface= independent=no
while [ $# -gt 0 ]; do
  case "$1" in
    --name) name="${2-}"; shift 2 || fail "--name needs a value" ;;
    --port) port="${2-}"; shift 2 || fail "--port needs a value" ;;
    --hz-port) hz_port="${2-}"; shift 2 || fail "--hz-port needs a value" ;;
    --members) members="${2-}"; shift 2 || fail "--members needs a value" ;;
    --interface) interface="${2-}"; shift 2 || fail "--interface needs a value" ;;
    --independent) independent=yes; shift ;;
    --) shift; break ;;
    *) fail "unknown option '$1' (the options are listed at the top of $0)" ;;
  esac
done
[[ "$name" =~ ^[A-Za-z0-9._-]+$ ]] || fail "--name: '$name' is not a name (letters, digits, . _ -)"
[[ "$port" =~ ^[0-9]+$ ]] || fail "--port: '$port' is not a port number"
[ -f "$jar" ] || fail "$jar does not exist: build it with 'mvn -q -B -DskipTests package'"

# shellcheck disable=SC2086 # JAVA_OPTS holds several options
if [ "$independent" = yes ]; then
  exec java ${JAVA_OPTS:--Xmx768m} -jar "$jar" --port "$port" --name "$name" "$@"
fi
[[ "$hz_port" =~ ^[0-9]+$ ]] || fail "--hz-port: '$hz_port' is not a port number"
[ -n "$members" ] || fail "--members: list every node's host:hz-port, comma-separated"
[ -n "$interface" ] || fail "--interface: the address Hazelcast binds to, e.g. 127.0.0.1"
# --nohostaware: Payara Micro otherwise keeps no backup of a partition on a member with the same address,
# so nodes on one machine would back nothing up. On separate hosts it changes nothing.
exec java ${JAVA_OPTS:--Xmx768m} -jar "$jar" --port "$port" --name "$name" \
  --systemproperties "$here/hazelcast-on.properties" \
  --clustername trust-portal --clustermode "tcpip:$members" --interfaces "$interface" \
  --startport "$hz_port" --nohostaware --postbootcommandfile "$here/post-boot-clustered.txt" "$@"
