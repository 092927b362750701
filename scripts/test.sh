#!/usr/bin/env bash
# The whole test suite: install dependencies, make sure Redis and PostgreSQL are up, then typecheck,
# lint, format check, schema check and every test (`pnpm check`).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
bash scripts/ensure-services.sh
pnpm check
