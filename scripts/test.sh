#!/usr/bin/env bash
# `npm test`: set up, lint everything (code, specs, generated types), then run every test once,
# so the run ends with node's test runner summary (`# pass N` / `# fail N`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "lint: code"
npx nx run-many -t lint --output-style=static >/tmp/drover-lint.$$.log 2>&1 || {
  cat /tmp/drover-lint.$$.log >&2
  rm -f /tmp/drover-lint.$$.log
  exit 1
}
rm -f /tmp/drover-lint.$$.log
echo "lint: tests and benchmarks"
npx tsc -p tsconfig.json
npx eslint tests bench
echo "lint: openapi"
npm run --silent lint:openapi >/dev/null 2>/tmp/drover-redocly.$$.log || {
  cat /tmp/drover-redocly.$$.log >&2
  exit 1
}
rm -f /tmp/drover-redocly.$$.log
npm run --silent check:generated
npx prettier --check . --log-level=warn
exec node scripts/run-tests.mjs packages tests bench "$@"
