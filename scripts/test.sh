#!/usr/bin/env bash
# The whole test suite, from a fresh clone: bootstrap (Node 22, Yarn deps),
# type check, lint, dependency audit, unit and integration tests (SQLite and
# PostgreSQL boot), production build of the app, end-to-end tests in Debian's
# Chromium.
# Needs PostgreSQL on 127.0.0.1:5432 (trust auth) and /usr/bin/chromium;
# .ci/run installs and starts those on a CI machine.
# Exits non-zero on any failure; the last line sums up the tests run (in CI,
# CI=true, a skipped test counts as failed: see scripts/summarize-tests.js).
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
yarn lint:copies # copy-paste detector (jscpd, .jscpd.json: its ignore list names each known copy)

REPORTS="$FDP_ROOT/e2e/artifacts/reports"
mkdir -p "$REPORTS"
rm -f "$REPORTS"/*.json "$REPORTS"/*.tap "$REPORTS"/*.txt

step "dependency audit (high and critical advisories; README: Dependency audit)"
audit_status=0
node scripts/audit-deps.js || audit_status=$?

step "the scripts' own tests (node --test)"
scripts_status=0
node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$REPORTS/scripts.tap" \
  'scripts/*.test.js' || scripts_status=$?

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
summary_status=0
node scripts/summarize-tests.js "$REPORTS/scripts.tap" "$REPORTS/jest.json" \
  "$REPORTS/playwright.json" "$REPORTS/deploy.txt" || summary_status=$?
[ "$unit_status" = 0 ] && [ "$deploy_status" = 0 ] && [ "$e2e_status" = 0 ] &&
  [ "$scripts_status" = 0 ] && [ "$audit_status" = 0 ] && [ "$summary_status" = 0 ]
