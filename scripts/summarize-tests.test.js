// Unit tests of summarize-tests.js on fixture reports made by real runs
// (scripts/fixtures). Run by scripts/test.sh: node --test scripts/
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { summarize } = require('./summarize-tests');

const fixture = name =>
  fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

test('a Playwright report whose globalSetup failed is a failure', () => {
  const r = summarize(
    { 'playwright.json': fixture('playwright-global-setup-error.json') },
    { ci: false },
  );
  assert.equal(r.failed, 1);
  assert.equal(r.passed, 0);
  assert.match(r.failures[0], /backend failed to start: ECONNREFUSED/);
});

test('a skipped Playwright test is a failure in CI only', () => {
  const reports = { 'playwright.json': fixture('playwright-skipped.json') };
  const local = summarize(reports, { ci: false });
  assert.deepEqual([local.passed, local.failed, local.skipped], [1, 0, 1]);
  const ci = summarize(reports, { ci: true });
  assert.deepEqual([ci.passed, ci.failed, ci.skipped], [1, 1, 1]);
  assert.equal(ci.failures[0], 'skipped in CI: a.spec.js › is skipped');
});

test('jest: a suite that failed to run and a failing afterAll are failures; a skipped suite fails in CI', () => {
  const reports = { 'jest.json': fixture('jest-skip-and-broken-suites.json') };
  const local = summarize(reports, { ci: false });
  assert.deepEqual([local.passed, local.failed, local.skipped], [2, 2, 1]);
  assert.deepEqual(
    local.failures.map(f => f.replace(/^.*\//, '')),
    [
      'teardown.test.js: stop failed',
      'broken.test.js: kubectl is not on PATH (CI=true)',
    ],
  );
  const ci = summarize(reports, { ci: true });
  assert.equal(ci.failed, 3);
  assert.match(
    ci.failures[2],
    /^skipped in CI: .*skip\.test\.js › kubectl against the simulator lists nodes$/,
  );
});

test("node's TAP summary, deploy/test.sh's line and missing reports", () => {
  const tap =
    '# tests 4\n# suites 0\n# pass 3\n# fail 1\n# cancelled 0\n# skipped 0\n# todo 0\n';
  const r = summarize(
    {
      'scripts.tap': tap,
      'deploy.txt': 'ok    rules\ndeploy: 12 passed, 0 failed\n',
      'playwright.json': undefined,
      'broken.tap': 'TAP version 13\nok 1 - a\n',
    },
    { ci: true },
  );
  assert.equal(r.passed, 15);
  assert.deepEqual(r.failures, [
    'scripts.tap: fail',
    'no test report at playwright.json',
    'broken.tap: no "# pass N" line (the run did not finish)',
  ]);
});

test('the command prints the closing line and exits non-zero on a failure', () => {
  const { spawnSync } = require('node:child_process');
  const run = (...files) =>
    spawnSync(
      process.execPath,
      [path.join(__dirname, 'summarize-tests.js'), ...files],
      {
        encoding: 'utf8',
        env: { ...process.env, CI: 'true' },
      },
    );
  const fixtures = path.join(__dirname, 'fixtures');
  const skipped = run(path.join(fixtures, 'playwright-skipped.json'));
  assert.equal(skipped.stdout, 'tests: 1 passed, 1 failed, 1 skipped\n');
  assert.equal(skipped.status, 1);
  const setup = run(path.join(fixtures, 'playwright-global-setup-error.json'));
  assert.equal(setup.stdout, 'tests: 0 passed, 1 failed, 0 skipped\n');
  assert.equal(setup.status, 1);
});
