#!/usr/bin/env bash
# Boot time of the portal against an empty Payara Micro of the same version, in the same run. See README.md.
#
#   bench/boot.sh [--runs N] [--jfr] [--cds] [--jar FILE]
#
# Alternates, N times each (default 3): an empty Payara Micro (the runtime jar the portal is built from, nothing
# deployed, Hazelcast off), ready when its HTTP port answers at all; and the portal jar (Hazelcast off, H2 in a
# fresh data directory, the shipped tenants), ready when /health/ready answers 200. Each is a new JVM on a free
# port, timed from the moment it is started. Prints per run: milliseconds to ready, and for the portal Payara's own
# "deployed in" and the portal's "Portal ready in" (its start-up work: migrations, tenants, catalogue), then the
# medians and the ratio portal / empty. --jfr also records the last portal start with JFR and prints where its
# start-up time went (bench/jfr_hot.py's areas for boot). --cds also starts the portal a third way each run: from
# a persistent Payara Micro root directory (its launcher, so the runtime's jars are on the class path) with an
# application class-data-sharing archive made once before the runs (not timed); see docs/performance.md, "Boot".
set -euo pipefail
cd "$(dirname "$0")"
BENCH_DIR=$(pwd)

RUNS=3
JFR=false
CDS=false
JAR=$BENCH_DIR/../target/portal.jar

usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --runs) [[ "${2-}" =~ ^[1-9][0-9]?$ ]] || { echo "boot.sh: --runs needs a number from 1 to 99, got '${2-}'" >&2; exit 2; }
            RUNS=$2; shift ;;
    --jfr) JFR=true ;;
    --cds) CDS=true ;;
    --jar) [ -f "${2-}" ] || { echo "boot.sh: --jar: '${2-}' is not a file" >&2; exit 2; }; JAR=$2; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "boot.sh: unknown option '$1' (--help lists them)" >&2; exit 2 ;;
  esac
  shift
done

[ -f "$JAR" ] || { echo "boot.sh: no portal jar at $JAR (./run.sh or mvn package builds it)" >&2; exit 1; }
# the runtime the portal jar was built from: mvn package copies it to target/
EMPTY=$(ls "$BENCH_DIR"/../target/payara-micro-*.jar 2>/dev/null | head -1)
[ -n "$EMPTY" ] || { echo "boot.sh: no target/payara-micro-*.jar (mvn package puts it there with the portal jar)" >&2; exit 1; }

mkdir -p "$BENCH_DIR/target"
WORK=$(mktemp -d /tmp/portal-boot.XXXXXX)
NODE=
cleanup() {
  if [ -n "$NODE" ] && kill -0 "$NODE" 2>/dev/null; then kill -9 "$NODE" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
cp "$JAR" "$WORK/portal.jar"
cp "$EMPTY" "$WORK/empty.jar"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }

# start_and_wait NAME URL WANT(any|200) JAVA_ARGS...: starts the JVM (NODE) and sets READY_MS to its time to ready
start_and_wait() {
  local name=$1 url=$2 want=$3; shift 3
  local started code
  started=$(now_ms)
  ( exec env "${ENVIRONMENT[@]}" java "$@" >"$WORK/$name.log" 2>&1 ) &
  NODE=$!
  for _ in $(seq 1 3000); do
    code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$url" || true)
    if { [ "$want" = any ] && [ "$code" != 000 ]; } || [ "$code" = "$want" ]; then
      READY_MS=$(( $(now_ms) - started ))
      return 0
    fi
    kill -0 "$NODE" 2>/dev/null || { echo "boot.sh: $name exited before it was ready:" >&2; tail -20 "$WORK/$name.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "boot.sh: $name not ready after 300 s" >&2; exit 1
}

stop_node() {
  kill "$NODE" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$NODE" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$NODE" 2>/dev/null || true
  NODE=
}

# "ROOT was successfully deployed in 9,402 milliseconds." and "Portal ready in 3746 ms"
log_ms() { sed 's/\x1b\[[0-9;]*m//g' "$1" | grep -o "$2" | head -1 | tr -dc '0-9'; }

PORTAL_ENV=(PATH="$PATH" PORTAL_DATA_DIR="$WORK/data" PORTAL_TENANTS_DIR="$BENCH_DIR/../tenants"
  PORTAL_REMINDERS=off PORTAL_DRAIN_SECONDS=0)

# --cds: the portal's runtime unpacked once into a root directory with a launcher jar (Payara Micro's --rootdir
# --outputlauncher), the WAR and post-boot commands taken out of the portal jar, and an archive of the classes one
# start loads (-XX:ArchiveClassesAtExit, written when that start exits)
LAUNCH=()
if $CDS; then
  (cd "$WORK" && unzip -q -o portal.jar 'MICRO-INF/deploy/*' 'MICRO-INF/post-boot-commands.txt')
  java -jar "$WORK/portal.jar" --rootdir "$WORK/root" --outputlauncher >"$WORK/launcher.log" 2>&1
  LAUNCH=(-jar "$WORK/root/launch-micro.jar" --deploy "$(ls "$WORK"/MICRO-INF/deploy/*.war)" --nohazelcast
    --postbootcommandfile "$WORK/MICRO-INF/post-boot-commands.txt")
  rm -rf "$WORK/data" && mkdir "$WORK/data"
  ENVIRONMENT=("${PORTAL_ENV[@]}")
  port=$(free_port)
  start_and_wait "cds-archive" "http://127.0.0.1:$port/health/ready" 200 \
    -XX:ArchiveClassesAtExit="$WORK/root/portal.jsa" "${LAUNCH[@]}" --port "$port"
  stop_node
  [ -s "$WORK/root/portal.jsa" ] || { echo "boot.sh: no class-data archive was written" >&2; exit 1; }
  echo "class-data archive: $(du -m "$WORK/root/portal.jsa" | cut -f1) MB"
fi

empties=() portals=() deploys=() readies=() cdss=()
for run in $(seq 1 "$RUNS"); do
  port=$(free_port)
  ENVIRONMENT=(PATH="$PATH")
  start_and_wait "empty-$run" "http://127.0.0.1:$port/" any -jar "$WORK/empty.jar" --nocluster --port "$port"
  ms=$READY_MS
  stop_node
  empties+=("$ms")
  echo "run $run: empty Payara Micro ready in $ms ms"

  port=$(free_port)
  rm -rf "$WORK/data" && mkdir "$WORK/data"
  ENVIRONMENT=("${PORTAL_ENV[@]}")
  options=()
  if $JFR && [ "$run" = "$RUNS" ]; then
    options=(-XX:StartFlightRecording=name=boot,settings=profile)
  fi
  start_and_wait "portal-$run" "http://127.0.0.1:$port/health/ready" 200 "${options[@]}" -jar "$WORK/portal.jar" --port "$port"
  ms=$READY_MS
  deployed=$(log_ms "$WORK/portal-$run.log" 'deployed in [0-9,]* milliseconds')
  ready=$(log_ms "$WORK/portal-$run.log" 'Portal ready in [0-9]* ms')
  if $JFR && [ "$run" = "$RUNS" ]; then
    jcmd "$NODE" JFR.dump name=boot filename="$BENCH_DIR/target/boot.jfr" >/dev/null
  fi
  cp "$WORK/portal-$run.log" "$BENCH_DIR/target/boot-portal-$run.log"
  stop_node
  portals+=("$ms") deploys+=("$deployed") readies+=("$ready")
  echo "run $run: portal ready in $ms ms (Payara: deployed in $deployed ms; portal start-up work $ready ms)"

  if $CDS; then
    port=$(free_port)
    rm -rf "$WORK/data" && mkdir "$WORK/data"
    start_and_wait "cds-$run" "http://127.0.0.1:$port/health/ready" 200 \
      -XX:SharedArchiveFile="$WORK/root/portal.jsa" "${LAUNCH[@]}" --port "$port"
    cdss+=("$READY_MS")
    stop_node
    echo "run $run: portal from a root directory with class-data sharing ready in $READY_MS ms"
  fi
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
me=$(median "${empties[@]}") mp=$(median "${portals[@]}")
summary=$(cat <<EOF
boot, $(date -u +%FT%TZ), $(nproc) cores, $RUNS runs each, medians:
  empty Payara Micro ($(basename "$EMPTY")) ready in   $me ms   (runs: ${empties[*]})
  portal ready (/health/ready 200) in    $mp ms   (runs: ${portals[*]})
    of which Payara's deployment           $(median "${deploys[@]}") ms   (runs: ${deploys[*]})
    of which the portal's start-up work    $(median "${readies[@]}") ms   (runs: ${readies[*]})
  portal / empty                           $(python3 -c "print(f'{$mp / $me:.2f}')")x   (target: at most 2.5x)
EOF
)
if $CDS; then
  mc=$(median "${cdss[@]}")
  summary+=$'\n'"  portal, root directory + class-data sharing  $mc ms   (runs: ${cdss[*]}); / empty: $(python3 -c "print(f'{$mc / $me:.2f}')")x"
fi
echo "$summary" | tee "$BENCH_DIR/target/boot-summary-$(date -u +%Y%m%dT%H%M%S).txt"

if $JFR; then
  echo
  echo "where the last portal start's time went (JFR execution samples, all threads):"
  jfr print --events jdk.ExecutionSample --stack-depth 200 "$BENCH_DIR/target/boot.jfr" | python3 "$BENCH_DIR/jfr_hot.py" --boot 25
fi
