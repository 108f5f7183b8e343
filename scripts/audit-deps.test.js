// Runs the real `yarn npm audit` of audit-deps.js against a local stand-in
// for the registry's advisory API (YARN_NPM_AUDIT_REGISTRY), so the verdicts
// are checked on yarn's own output. Run by scripts/test.sh: node --test.
const assert = require('node:assert/strict');
const http = require('node:http');
const { after, before, test } = require('node:test');
const { classify, report, runAudit } = require('./audit-deps');

let server;
let answer;
let queried;

before(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', d => (body += d));
    req.on('end', () => {
      queried = { method: req.method, url: req.url, body: JSON.parse(body) };
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
});
after(() => server.close());

const audit = () =>
  runAudit({
    ...process.env,
    YARN_NPM_AUDIT_REGISTRY: `http://127.0.0.1:${server.address().port}`,
    YARN_UNSAFE_HTTP_WHITELIST: '127.0.0.1',
  });

const lines = result => {
  const out = [];
  const code = report(result, l => out.push(l));
  return { code, out };
};

test('no advisory: clean, and every workspace dependency was asked about', async () => {
  answer = { status: 200, body: {} };
  const result = classify(await audit());
  assert.equal(result.verdict, 'clean');
  assert.equal(queried.url, '/-/npm/v1/security/advisories/bulk');
  // transitive dependencies of the backend are included (--recursive --all)
  assert.ok(queried.body['@backstage/backend-defaults']);
  assert.ok(queried.body.knex);
  assert.equal(lines(result).code, 0);
});

test('a high advisory on an installed package fails, naming it', async () => {
  answer = {
    status: 200,
    body: {
      knex: [
        {
          id: 990001,
          url: 'https://example.invalid/advisories/990001',
          title: 'Test advisory',
          severity: 'high',
          vulnerable_versions: '>=0.0.0',
        },
        {
          id: 990002,
          title: 'Below the threshold',
          severity: 'moderate',
          vulnerable_versions: '>=0.0.0',
        },
      ],
    },
  };
  const result = classify(await audit());
  assert.equal(result.verdict, 'findings');
  assert.deepEqual(
    result.findings.map(f => [f.package, f.id, f.severity]),
    [['knex', 990001, 'high']],
  );
  const { code, out } = lines(result);
  assert.equal(code, 1);
  assert.match(
    out[0],
    /^UNTRIAGED high knex@\d+\.\d+\.\d+.*: Test advisory \(advisory 990001/,
  );
});

test('a registry without the advisory API is reported as not run, not as clean', async () => {
  answer = { status: 405, body: { error: 'Method Not Allowed' } };
  const result = classify(await audit());
  assert.equal(result.verdict, 'unavailable');
  const { code, out } = lines(result);
  assert.equal(code, 0);
  assert.equal(
    out[0],
    'dependency audit: NOT RUN, the registry refused the advisory query (HTTP 405 Method Not Allowed); nothing was checked',
  );
});

test('any other registry error fails', async () => {
  answer = { status: 500, body: { error: 'boom' } };
  const result = classify(await audit());
  assert.equal(result.verdict, 'error');
  assert.equal(lines(result).code, 1);
});
