#!/usr/bin/env bash
# CSV import benchmark, one command: a 10,000-row file checked ("Check the file") and imported ("Import")
# through the real admin page, as a browser posts it (multipart upload, then the confirm form).
#
#   bench/import.sh --start            # starts its own portal (copy of ../target/portal.jar, fresh H2 data dir,
#                                      # free port) with a bench tenant of 20,000 seats next to the demo tenants
#   bench/import.sh --start --db-url jdbc:postgresql://127.0.0.1:5432/bench_import --db-user postgres
#   bench/import.sh --rows 10000       # rows per file (default 10,000)
#
# Steps, each timed with curl's time_total (HTTP included) and checked against the page's answer:
# 1. preview of a file of new learners (every row "create"), then import it (accounts + invitations);
# 2. preview and import of the same learners again with a due date (every row "update": one course round each).
# Needs curl and python3.
set -euo pipefail
cd "$(dirname "$0")"
BENCH_DIR=$(pwd)
ROWS=10000
START=false
EXTRA=()

while [ $# -gt 0 ]; do
  case "$1" in
    --start) START=true ;;
    --rows) ROWS=$2; shift ;;
    --db-url) EXTRA+=("PORTAL_DB_URL=$2"); shift ;;
    --db-user) EXTRA+=("PORTAL_DB_USER=$2"); shift ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done
$START || { echo "only --start is supported: the bench needs its own tenant with 20,000 seats" >&2; exit 2; }

mkdir -p target
SUMMARY=$BENCH_DIR/target/import-summary-$(date +%Y%m%d-%H%M%S).txt
say() { echo "$@" | tee -a "$SUMMARY"; }

TENANTS=$(mktemp -d /tmp/import-bench-tenants.XXXXXX)
cp -r "$BENCH_DIR/../tenants/." "$TENANTS/"
mkdir "$TENANTS/bench"
cp "$BENCH_DIR/../tenants/acme/logo.svg" "$TENANTS/bench/"
cat >"$TENANTS/bench/tenant.yaml" <<'YAML'
# Import benchmark tenant (bench/import.sh): seats for 10,000 learners and more.
name: Import Bench Ltd
brand:
  primary: "#1f6feb"
  logo: logo.svg
seats: 20000
courses: [collaborative-selling]
certificate:
  signer: Bea Bench
  title: Training Lead
accounts:
  - email: admin@bench.example
    name: Bea Admin
    role: admin
    password: demo-password
  - email: manager@bench.example
    name: Max Manager
    role: manager
    password: demo-password
YAML

. "$BENCH_DIR/portal-lib.sh"
cleanup() { stop_portal; rm -rf "$TENANTS"; }
trap cleanup EXIT
PORTAL_TENANTS_DIR=$TENANTS start_portal "${EXTRA[@]}"
wait_portal "$BASE_URL/t/bench/login.xhtml" 240

FILES=$(mktemp -d)
python3 - "$ROWS" "$FILES" <<'PY'
import sys
n, out = int(sys.argv[1]), sys.argv[2]
teams = ["North", "South", "East", "West"]
for name, due in (("new.csv", ""), ("due.csv", "2027-03-31")):
    with open(f"{out}/{name}", "w", encoding="utf-8") as f:
        f.write("email,first name,last name,team,manager email,due date\n")
        for i in range(n):
            f.write(f"rep{i:05d}@bench.example,Rep,Number {i},{teams[i % 4]},manager@bench.example,{due}\n")
PY

COOKIES=$(mktemp)
sign_in "$COOKIES" bench admin@bench.example demo-password

form_action() { grep -o "<form id=\"$1\"[^>]*action=\"[^\"]*\"" | sed 's/.*action="//; s/"$//; s/&amp;/\&/g'; }
view_state() { grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }

# one check + import of FILE; prints "preview_s import_s"
run() {
  local file=$1 expect=$2 page action state out t1 t2
  page=$(curl -s -b "$COOKIES" -c "$COOKIES" "$BASE_URL/t/bench/admin/import.xhtml")
  action=$(echo "$page" | form_action upload); state=$(echo "$page" | view_state)
  out=$(mktemp)
  t1=$(curl -s -o "$out" -w '%{time_total}' -b "$COOKIES" -c "$COOKIES" "$BASE_URL$action" -F upload=upload \
    -F "upload:file=@$file;type=text/csv" -F "upload:preview=" -F "jakarta.faces.ViewState=$state")
  grep -q "id=\"summary\">$ROWS valid row(s)" "$out" || grep -q "$ROWS valid row(s)" "$out" \
    || { echo "the preview did not show $ROWS valid rows; page kept in $out" >&2; exit 1; }
  grep -q "$expect" "$out" || { echo "the preview did not say '$expect'; page in $out" >&2; exit 1; }
  action=$(form_action confirm <"$out"); state=$(view_state <"$out")
  t2=$(curl -s -o "$out" -w '%{time_total}' -b "$COOKIES" -c "$COOKIES" "$BASE_URL$action" \
    --data-urlencode confirm=confirm --data-urlencode "confirm:import=" --data-urlencode "jakarta.faces.ViewState=$state")
  grep -q "Imported:" "$out" || { echo "the import did not answer 'Imported:'; page in $out" >&2; exit 1; }
  grep -o 'Imported:[^<]*' "$out" | head -1 >&2
  echo "$t1 $t2"
}

say "import benchmark $(date -u '+%Y-%m-%d %H:%M UTC'), $ROWS rows, database ${EXTRA[0]:-H2 (file)}"
say "  machine: $(nproc) cores, load average$(uptime | sed 's/.*load average//')"
read -r p1 i1 < <(run "$FILES/new.csv" "$ROWS to create")
say "== new learners:      preview ${p1} s, import ${i1} s (accounts + invitations)"
read -r p2 i2 < <(run "$FILES/due.csv" "$ROWS to update")
say "== same, due date:    preview ${p2} s, import ${i2} s (a course round each)"
say "summary in $SUMMARY"
