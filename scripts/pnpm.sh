#!/usr/bin/env bash
# pnpm at the version package.json pins ("packageManager"), run through npx: nothing installed globally.
# For a machine where only the Quick start ran: `bash scripts/pnpm.sh check`,
# `bash scripts/pnpm.sh -s eval:events --dataset ...`. Run it from the repository (or below it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="$(node -p "require('${root}/package.json').packageManager")"
exec npx -y "${version}" "$@"
