// Prints one closing line, "tests: N passed, N failed, N skipped", from the
// JSON reports of jest and Playwright, the TAP report of node's test runner
// and the plain summary of deploy/test.sh, and exits non-zero when anything
// failed. Counted as failed besides failed tests: a missing or unreadable
// report, a jest suite that failed to run (or whose hooks failed), a
// Playwright report's top-level errors (globalSetup failing, a file that did
// not load) and, in CI (CI=true), every skipped test: a suite must not pass
// CI by skipping (see requireTool in packages/platform-sim).
const fs = require('node:fs');

/** jest --json: tests, plus suites that failed without a failed test. */
function fromJest(report, add) {
  const suites = report.testResults ?? [];
  for (const suite of suites) {
    const assertions = suite.assertionResults ?? [];
    for (const a of assertions) {
      if (a.status === 'passed') add.passed();
      else if (a.status === 'failed') add.failed(a.fullName);
      else add.skipped(`${suite.name} › ${a.fullName}`);
    }
    if (
      suite.status === 'failed' &&
      !assertions.some(a => a.status === 'failed')
    ) {
      add.failed(
        `${suite.name}: ${firstLine(suite.message) || 'suite failed'}`,
      );
    }
  }
  if (report.success === false && !suites.some(s => s.status === 'failed')) {
    add.failed('jest reported failure without a failed test');
  }
}

/** Playwright's JSON reporter: every test of every suite, and top-level errors. */
function fromPlaywright(report, add) {
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      const name = [...titles, spec.title].join(' › ');
      for (const test of spec.tests ?? []) {
        if (test.status === 'expected' || test.status === 'flaky') add.passed();
        else if (test.status === 'skipped') add.skipped(name);
        else add.failed(name);
      }
    }
    for (const child of suite.suites ?? [])
      walk(child, [...titles, child.title]);
  };
  for (const suite of report.suites ?? []) walk(suite, [suite.title]);
  for (const error of report.errors ?? []) {
    add.failed(`playwright: ${firstLine(error.message)}`);
  }
}

/** node --test-reporter=tap: the closing "# pass N" ... lines. */
function fromTap(text, add, file) {
  const count = key => {
    const m = new RegExp(`^# ${key} (\\d+)$`, 'm').exec(text);
    return m ? Number(m[1]) : undefined;
  };
  const pass = count('pass');
  if (pass === undefined) {
    add.failed(`${file}: no "# pass N" line (the run did not finish)`);
    return;
  }
  add.passed(pass);
  for (const [key, n] of [
    ['fail', count('fail')],
    ['cancelled', count('cancelled')],
  ]) {
    for (let i = 0; i < (n ?? 0); i++) add.failed(`${file}: ${key}`);
  }
  for (const key of ['skipped', 'todo']) {
    for (let i = 0; i < (count(key) ?? 0); i++) add.skipped(`${file}: ${key}`);
  }
}

/** A plain "name: N passed, N failed" line (deploy/test.sh). */
function fromPlain(text, add, file) {
  const m = /(\d+) passed, (\d+) failed/.exec(text);
  if (!m) {
    add.failed(`${file}: no "N passed, N failed" line`);
    return;
  }
  add.passed(Number(m[1]));
  for (let i = 0; i < Number(m[2]); i++) add.failed(file);
}

function firstLine(text) {
  return String(text ?? '')
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map(l => l.replace(/^[\s●]+/, ''))
    .find(l => l && l !== 'Test suite failed to run');
}

/**
 * Counts the given reports (name -> contents, undefined when missing).
 * In CI skipped tests are listed as failures too.
 */
function summarize(reports, { ci }) {
  let passed = 0;
  const failures = [];
  const skips = [];
  const add = {
    passed: (n = 1) => {
      passed += n;
    },
    failed: what => failures.push(what),
    skipped: what => skips.push(what),
  };
  for (const [file, text] of Object.entries(reports)) {
    if (text === undefined) {
      add.failed(`no test report at ${file}`);
      continue;
    }
    try {
      if (file.endsWith('.tap')) fromTap(text, add, file);
      else if (file.endsWith('.txt')) fromPlain(text, add, file);
      else {
        const report = JSON.parse(text);
        if ('numPassedTests' in report) {
          fromJest(report, add);
        } else if ('suites' in report || 'errors' in report) {
          fromPlaywright(report, add);
        } else {
          add.failed(`${file}: neither a jest nor a Playwright report`);
        }
      }
    } catch (error) {
      add.failed(`${file}: unreadable (${error.message})`);
    }
  }
  if (ci) {
    for (const s of skips) failures.push(`skipped in CI: ${s}`);
  }
  return {
    passed,
    failed: failures.length,
    skipped: skips.length,
    failures,
    skips,
  };
}

module.exports = { summarize };

if (require.main === module) {
  const reports = {};
  for (const file of process.argv.slice(2)) {
    reports[file] = fs.existsSync(file)
      ? fs.readFileSync(file, 'utf8')
      : undefined;
  }
  const ci = Boolean(process.env.CI) && process.env.CI !== 'false';
  const result = summarize(reports, { ci });
  for (const f of result.failures) console.error(`FAILED  ${f}`);
  if (!ci) for (const s of result.skips) console.error(`SKIPPED ${s}`);
  console.log(
    `tests: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped`,
  );
  process.exitCode = result.failed > 0 ? 1 : 0;
}
