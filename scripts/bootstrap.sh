#!/usr/bin/env bash
# Install pnpm (through npx: nothing global) and the workspace's dependencies. Sourced by demo.sh and test.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
pnpm() { bash scripts/pnpm.sh "$@"; }
if ! command -v node >/dev/null; then
  echo "wirehose needs Node.js 20.19 or newer: https://nodejs.org/ (Debian/Ubuntu: apt-get install nodejs npm)" >&2
  exit 1
fi
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' || {
  echo "wirehose needs Node.js 20.19 or newer (found $(node --version))" >&2
  exit 1
}
pnpm install --frozen-lockfile --reporter=append-only >/dev/null
