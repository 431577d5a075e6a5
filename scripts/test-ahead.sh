#!/usr/bin/env bash
# The domain, demo data, gateway and API suites again with the system clock moved (default 400 days ahead):
# no test may depend on the day it runs. faketime's LD_PRELOAD reaches Node and the embedded
# PostgreSQL the suites start. TEST_CLOCK_OFFSET takes faketime's -f syntax (+400d, -30d, +2y …).
set -euo pipefail
cd "$(dirname "$0")/.."
offset="${TEST_CLOCK_OFFSET:-+400d}"
if ! command -v faketime >/dev/null 2>&1; then
  echo "faketime is missing: install Debian's faketime package (apt-get install -y faketime)" >&2
  exit 2
fi
echo "The clock moved by ${offset}: $(faketime -f "${offset}" date -u '+%Y-%m-%d %H:%M UTC')"
(cd packages/domain && faketime -f "${offset}" npx vitest run)
(cd packages/seed && faketime -f "${offset}" npx vitest run)
(cd apps/gateway && faketime -f "${offset}" npx vitest run)
(cd test && faketime -f "${offset}" npx vitest run api)
