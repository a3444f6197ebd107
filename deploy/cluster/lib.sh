# Shared by start.sh and restart.sh (sourced, not run): the cluster's settings and how one node starts.
# The settings are saved by start.sh in $run/cluster.env, so that restart.sh starts each node again exactly
# as start.sh did (same ports, members, database and PORTAL_* settings).

node_port() { echo $((lb_port + $1)); }
hz_port() { echo $((hz_first_port + $1 - 1)); }
pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

members() {
  local i list=""
  for i in $(seq 1 "$nodes"); do list+="${list:+,}127.0.0.1:$(hz_port "$i")"; done
  echo "$list"
}

# Starts node i in the background; its pid (the Java process) goes to $run/node-i.pid.
start_node() {
  local i="$1" args
  args=(--name "node-$i" --port "$(node_port "$i")")
  if [ "$independent" = yes ]; then
    args+=(--independent)
  else
    args+=(--hz-port "$(hz_port "$i")" --members "$(members)" --interface 127.0.0.1)
  fi
  # nohup and node.sh exec in turn, so $! is the node's Java process
  PORTAL_JAR="$jar" nohup "$here/node.sh" "${args[@]}" >>"$run/node-$i.log" 2>&1 </dev/null &
  echo $! >"$run/node-$i.pid"
  echo "node-$i: starting on port $(node_port "$i") (pid $!, log $run/node-$i.log)"
}

# Waits until node i's /health/ready answers 200; fails if the node stops or takes longer than ready_timeout.
wait_ready() {
  local i="$1" port pid deadline answer
  port="$(node_port "$i")" pid="$(cat "$run/node-$i.pid")" deadline=$((SECONDS + ready_timeout))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://127.0.0.1:$port/health/ready")" = 200 ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "node-$i stopped while starting; the end of $run/node-$i.log:" >&2
      tail -n 25 "$run/node-$i.log" >&2
      fail "node-$i did not start"
    fi
    if grep -q "Exception while deploying the app" "$run/node-$i.log"; then
      grep -m 1 -A 2 "Exception while deploying the app" "$run/node-$i.log" >&2
      fail "node-$i could not deploy the portal (see $run/node-$i.log)"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      answer="$(curl -s --max-time 3 "http://127.0.0.1:$port/health/ready" || true)"
      fail "node-$i is not ready after ${ready_timeout} s; /health/ready says: ${answer:-nothing}"
    fi
    sleep 1
  done
  echo "node-$i: ready"
}

# HAProxy's view of node i: UP, DOWN, MAINT, ... (column 18 of its CSV status page)
haproxy_state() {
  curl -s --max-time 3 "http://127.0.0.1:$stats_port/;csv" | awk -F, -v n="node-$1" '$1 == "nodes" && $2 == n { print $18 }'
}

# Waits until HAProxy's own health checks see node i in the given state (UP, or DOWN).
wait_haproxy() {
  local i="$1" wanted="$2" deadline=$((SECONDS + 60)) state
  until state="$(haproxy_state "$i")"; [ "${state%% *}" = "$wanted" ]; do
    [ "$SECONDS" -lt "$deadline" ] || fail "HAProxy does not see node-$i $wanted within 60 s (it says: ${state:-nothing})"
    sleep 0.5
  done
  echo "HAProxy: node-$i $wanted"
}

# Sets node i's state in HAProxy through its status page (loopback only): maint takes it out at once, sessions
# pinned to it included (they move to another node, which has them); ready puts it back.
haproxy_set() {
  local i="$1" action="$2" answer
  answer="$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' --max-time 5 \
    -d "s=node-$i&action=$action&b=nodes" "http://127.0.0.1:$stats_port/")"
  case "$answer" in
    *st=DONE*) echo "HAProxy: node-$i set to $action" ;;
    *) fail "HAProxy refused to set node-$i to $action (it answered: $answer)" ;;
  esac
}

# Current connections HAProxy holds to node i (column 5 of its CSV status page).
haproxy_connections() {
  curl -s --max-time 3 "http://127.0.0.1:$stats_port/;csv" | awk -F, -v n="node-$1" '$1 == "nodes" && $2 == n { print $5 }'
}
