#!/usr/bin/env bash
# Quick start: install dependencies, then run the whole pipeline over the bundled sample site.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
exec node bin/wirehose.mjs demo "$@"
