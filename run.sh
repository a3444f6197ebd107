#!/usr/bin/env bash
# Runs the portal with the demo tenants on the embedded H2 database (./data) at http://localhost:8080/.
# Builds target/portal.jar first when it is missing or older than the sources.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f target/portal.jar ] || [ -n "$(find pom.xml src -newer target/portal.jar -print -quit)" ]; then
  echo "Building target/portal.jar ..."
  mvn -q -B -DskipTests package
fi
export PORTAL_DATA_DIR="${PORTAL_DATA_DIR:-./data}"
export PORTAL_TENANTS_DIR="${PORTAL_TENANTS_DIR:-./tenants}"
# demo operator account; outside a demo set your own, or set both to empty for none
export PORTAL_OPERATOR_EMAIL="${PORTAL_OPERATOR_EMAIL-operator@portal.example}"
export PORTAL_OPERATOR_PASSWORD="${PORTAL_OPERATOR_PASSWORD-demo-password}"
exec java -jar target/portal.jar --port "${PORT:-8080}" "$@"
