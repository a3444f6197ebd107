#!/usr/bin/env bash
# The credential tests run Digital Bazaar's verifier with Node: install Node when it is missing (fresh
# machines) and the verifier's packages, exactly as locked in package-lock.json, when they are missing
# or older than the lock file.
set -euo pipefail
# arguments: the build's skipTests and maven.test.skip; with either set, no test runs, so nothing is needed
if [ "${1:-false}" = "true" ] || [ "${2:-false}" = "true" ]; then
  exit 0
fi
dir="$(cd "$(dirname "$0")/../js/verifier" && pwd)"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "Installing nodejs and npm from Debian for the independent credential verifier ..."
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q nodejs npm
fi
installed="$dir/node_modules/.package-lock.json"
if [ -f "$installed" ] && [ "$installed" -nt "$dir/package-lock.json" ]; then
  exit 0
fi
echo "Installing the independent credential verifier (npm ci in $dir) ..."
cd "$dir"
npm ci --no-audit --no-fund --loglevel=error
