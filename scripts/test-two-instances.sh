#!/usr/bin/env bash
# The two-instance suite: two `next start` servers on one PostgreSQL database (needs a build).
# The embedded database (no DATABASE_URL) allows one process only, so there is nothing to run.
set -euo pipefail
if [ -z "${DATABASE_URL:-}" ]; then
  echo "[two-instances] not run: it needs PostgreSQL (DATABASE_URL); the embedded database allows one process only."
  exit 0
fi
exec npx playwright test --config playwright.two-instances.config.ts "$@"
