# Shared by certificates.sh and saturation-ab.sh (sourced, not run): start a portal of its own, wait for
# it, sign in through the JSF form with curl.
#   start_portal [extra VAR=value ...]   sets PID, BASE_URL, WORK; stop_portal on exit
#   wait_portal URL SECONDS
#   sign_in COOKIE_JAR TENANT EMAIL PASSWORD

WORK=
PID=

stop_portal() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
    kill "$PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$PID" 2>/dev/null || break; sleep 1; done
  fi
  if [ -n "$WORK" ]; then cp "$WORK/portal.log" "$BENCH_DIR/target/$(basename "$0" .sh)-portal.log" 2>/dev/null || true; rm -rf "$WORK"; fi
}

start_portal() {
  local jar=${PORTAL_JAR:-$BENCH_DIR/../target/portal.jar} port
  [ -f "$jar" ] || { echo "no portal jar at $jar (build the portal first: ./run.sh builds it)" >&2; exit 1; }
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  WORK=$(mktemp -d /tmp/portal-bench.XXXXXX)
  cp "$jar" "$WORK/portal.jar"          # a rebuild of target/ cannot change the jar under the benchmark
  cp -r "${PORTAL_TENANTS_DIR:-$BENCH_DIR/../tenants}" "$WORK/tenants"
  mkdir "$WORK/data"
  ( cd "$WORK" && exec env PORTAL_DATA_DIR="$WORK/data" PORTAL_TENANTS_DIR="$WORK/tenants" PORTAL_PUBLIC_URL="http://localhost:$port" "$@" \
      java -jar "$WORK/portal.jar" --port "$port" >"$WORK/portal.log" 2>&1 ) &
  PID=$!
  BASE_URL=http://localhost:$port
  echo "starting the portal on port $port"
}

wait_portal() {
  for _ in $(seq 1 "$2"); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" = 200 ] && return 0
    sleep 1
  done
  echo "no portal answers at $1" >&2
  return 1
}

sign_in() {
  local jar=$1 tenant=$2 email=$3 password=$4 page action state
  page=$(curl -s -c "$jar" -b "$jar" "$BASE_URL/t/$tenant/login.xhtml")
  action=$(echo "$page" | grep -o '<form id="login"[^>]*action="[^"]*"' | sed 's/.*action="//; s/"$//; s/&amp;/\&/g')
  state=$(echo "$page" | grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" "$BASE_URL$action" --data-urlencode login=login \
    --data-urlencode "email=$email" --data-urlencode "password=$password" \
    --data-urlencode next=/learn/index.xhtml --data-urlencode submit= --data-urlencode "jakarta.faces.ViewState=$state"
}
