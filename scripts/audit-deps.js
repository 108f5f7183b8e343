// The dependency audit of scripts/test.sh: every workspace's dependencies,
// transitive ones included, against the registry's advisories of severity
// high and critical. Advisories triaged as not applying are listed with their
// reason in .yarnrc.yml (npmAuditIgnoreAdvisories) and in the README's
// "Dependency audit"; any other one fails the run.
//
// A registry without the advisory API (it refuses the query with 404/405/501,
// as the one of this workplace does) cannot be audited: that prints a warning
// naming the reason and does not fail, since no change to the repo could fix
// it. Any other error fails.
const { spawn } = require('node:child_process');
const path = require('node:path');

const AUDIT_ARGS = [
  'npm',
  'audit',
  '--all',
  '--recursive',
  '--severity',
  'high',
  // deprecation notices are not advisories (and cost one metadata request per package)
  '--no-deprecations',
  '--json',
];

/** Reads `yarn npm audit --json` (NDJSON, one line per package and advisory). */
function parseFindings(stdout) {
  const findings = [];
  for (const line of stdout.split('\n')) {
    let row;
    try {
      row = JSON.parse(line);
    } catch {
      continue;
    }
    const c = row?.children;
    if (!c || c.ID === undefined) continue;
    findings.push({
      package: row.value,
      id: c.ID,
      severity: c.Severity,
      issue: c.Issue,
      url: c.URL || undefined,
      versions: c['Tree Versions'] ?? [],
    });
  }
  return findings;
}

/** What one run of the audit means: clean, findings, unavailable or error. */
function classify({ status, stdout, stderr }) {
  if (status === 0) {
    return { verdict: 'clean', findings: [] };
  }
  const findings = parseFindings(stdout ?? '');
  if (findings.length > 0) {
    return { verdict: 'findings', findings };
  }
  const refused = /Response code:? (404|405|501) \(([^)]*)\)/i.exec(
    `${stdout}\n${stderr}`,
  );
  if (refused) {
    return {
      verdict: 'unavailable',
      findings: [],
      reason: `the registry refused the advisory query (HTTP ${refused[1]} ${refused[2]})`,
    };
  }
  const lastLines = `${stderr}\n${stdout}`.trim().split('\n').slice(-5);
  return { verdict: 'error', findings: [], reason: lastLines.join('\n') };
}

/** Prints the outcome; returns the exit code. */
function report(result, log = console.log) {
  switch (result.verdict) {
    case 'clean':
      log('dependency audit: no untriaged high or critical advisory');
      return 0;
    case 'findings':
      for (const f of result.findings) {
        log(
          `UNTRIAGED ${f.severity} ${f.package}@${f.versions.join(',')}: ${
            f.issue
          } (advisory ${f.id}${f.url ? `, ${f.url}` : ''})`,
        );
      }
      log(
        `dependency audit: ${result.findings.length} untriaged high/critical advisories: fix them, or list them in .yarnrc.yml npmAuditIgnoreAdvisories with the reason (README, "Dependency audit")`,
      );
      return 1;
    case 'unavailable':
      log(`dependency audit: NOT RUN, ${result.reason}; nothing was checked`);
      return 0;
    default:
      log(`dependency audit: failed to run:\n${result.reason}`);
      return 1;
  }
}

/** Runs the audit from the repository root; resolves with its status and output. */
function runAudit(env = process.env) {
  return new Promise(resolve => {
    const child = spawn('yarn', AUDIT_ARGS, {
      cwd: path.resolve(__dirname, '..'),
      env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', d => (stdout += d));
    child.stderr.on('data', d => (stderr += d));
    child.on('error', error =>
      resolve({ status: 1, stdout, stderr: String(error) }),
    );
    child.on('close', status => resolve({ status, stdout, stderr }));
  });
}

module.exports = { classify, report, runAudit };

if (require.main === module) {
  runAudit().then(run => {
    process.exitCode = report(classify(run));
  });
}
