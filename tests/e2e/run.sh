#!/usr/bin/env bash
# Runs every browser end-to-end test against the built site (LOOPLAB_SITE, default build/site);
# installs the pinned playwright-core first if needed. Exits non-zero if any test fails.
set -euo pipefail
cd "$(dirname "$0")"
[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund >/dev/null
exec node --test --test-concurrency=1 ./*.test.mjs
