#!/usr/bin/env bash
# The whole test suite: install dependencies, make sure Redis and PostgreSQL are up, then typecheck,
# lint, format check, schema check and every test (`pnpm check`).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
bash scripts/ensure-services.sh
pnpm check
# Not run here yet (issue 18): `bash scripts/test-sentinel.sh` (failover; green 8 of 9 runs, one unexplained
# loss) and `bash scripts/test-cluster.sh` (dedup's scripts still touch keys of several slots). Both are
# run by hand until they are reliable; see docs/scaling.md.
