// Prints one closing line, "tests: N passed, N failed, N skipped", from the
// JSON reports of jest and Playwright and the plain summary of deploy/test.sh
// (missing reports count as a failure).
const fs = require('node:fs');

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) {
    console.error(`no test report at ${file}`);
    failed += 1;
    continue;
  }
  const text = fs.readFileSync(file, 'utf8');
  if (file.endsWith('.txt')) {
    // a plain "name: N passed, N failed" line (deploy/test.sh)
    const m = /(\d+) passed, (\d+) failed/.exec(text);
    if (m) {
      passed += Number(m[1]);
      failed += Number(m[2]);
    } else {
      failed += 1;
    }
    continue;
  }
  const report = JSON.parse(text);
  if ('numPassedTests' in report) {
    passed += report.numPassedTests;
    failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
    skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  } else if (report.stats) {
    passed += report.stats.expected + (report.stats.flaky ?? 0);
    failed += report.stats.unexpected;
    skipped += report.stats.skipped;
  }
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
