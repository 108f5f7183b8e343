#!/usr/bin/env bash
# The whole test suite, from a fresh clone: bootstrap (Node 22, Yarn deps),
# type check, lint, unit and integration tests (SQLite and PostgreSQL boot),
# production build of the app, end-to-end tests in Debian's Chromium.
# Needs PostgreSQL on 127.0.0.1:5432 (trust auth) and /usr/bin/chromium;
# .ci/run installs and starts those on a CI machine.
# Exits non-zero on any failure; the last line sums up the tests run.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$FDP_ROOT"
started=$(date +%s)

step() { printf '\n==> %s (%s)\n' "$1" "$(date +%H:%M:%S)"; }

step bootstrap
bash scripts/bootstrap.sh

step "type check"
yarn tsc

step lint
yarn backstage-cli repo lint
yarn prettier --check .

REPORTS="$FDP_ROOT/e2e/artifacts/reports"
mkdir -p "$REPORTS"
rm -f "$REPORTS"/*.json

step "unit and integration tests"
export BACKSTAGE_TEST_DISABLE_DOCKER=1
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}"
unit_status=0
CI=true yarn backstage-cli repo test --json --outputFile="$REPORTS/jest.json" || unit_status=$?

step "alert rules and routing (promtool, amtool)"
deploy_status=0
bash deploy/test.sh | tee "$REPORTS/deploy.txt" || deploy_status=$?

step "production build of the app"
yarn workspace app build

step "end-to-end tests (Chromium)"
e2e_status=0
yarn playwright test -c e2e/playwright.config.ts || e2e_status=$?

echo "test suite took $(( $(date +%s) - started )) s"
node scripts/summarize-tests.js "$REPORTS/jest.json" "$REPORTS/playwright.json" "$REPORTS/deploy.txt"
[ "$unit_status" = 0 ] && [ "$deploy_status" = 0 ] && [ "$e2e_status" = 0 ]
