#!/usr/bin/env bash
# The two-instance suite: two `next start` servers on one PostgreSQL database, behind nginx
# (deploy/nginx.conf, started by the suite on its own port; needs a build).
# The embedded database (no DATABASE_URL) allows one process only, so there is nothing to run.
set -euo pipefail
if [ -z "${DATABASE_URL:-}" ]; then
  echo "[two-instances] not run: it needs PostgreSQL (DATABASE_URL); the embedded database allows one process only."
  exit 0
fi
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "[two-instances] installing Debian's nginx (the suite runs through it)"
    # Only the binary is wanted: no system service is started (policy-rc.d refuses it for the install).
    policy=/usr/sbin/policy-rc.d
    created_policy=
    if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=1; fi
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
    [ -z "$created_policy" ] || rm -f "$policy"
  else
    echo "[two-instances] needs nginx: install it (Debian: \`sudo apt-get install nginx\`) and run again." >&2
    exit 1
  fi
fi
exec npx playwright test --config playwright.two-instances.config.ts "$@"
