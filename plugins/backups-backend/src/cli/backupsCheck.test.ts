/*
 * `backups-check` spawned as a person or a CronJob runs it (bin/backups-check
 * through Node), on pgBackRest 2.45 info JSON: exit 0 ok, 1 warning,
 * 2 critical, 3 unknown or unreadable input.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

jest.setTimeout(60_000);

// eslint-disable-next-line no-restricted-syntax
const bin = path.resolve(__dirname, '../../bin/backups-check');
// eslint-disable-next-line no-restricted-syntax
const fixture = path.resolve(
  __dirname,
  '../../../backups-common/src/pgbackrest/__fixtures__/info-2.45.json',
);
const NOW = '2026-11-29T17:00:00Z';

function check(
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    execFile(process.execPath, [bin, ...args], (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

describe('backups-check', () => {
  let dir: string;
  let clean: string;
  let policy: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdp-backups-check-'));
    // the fixture without its backup with checksum errors
    const info = JSON.parse(fs.readFileSync(fixture, 'utf8'));
    for (const b of info[0].backup) b.error = false;
    clean = path.join(dir, 'clean.json');
    fs.writeFileSync(clean, JSON.stringify(info));
    // weekly fulls kept 8 days: what the fixture's two weeks can satisfy
    policy = path.join(dir, 'policy.yaml');
    fs.writeFileSync(
      policy,
      [
        "full: { schedule: '0 1 * * 0', retention: { days: 8 } }",
        "incremental: { schedule: '0 1 * * *', retention: { days: 1 } }",
        'walArchive: { retention: { days: 8 }, lag: { warning: 1h, critical: 2h } }',
      ].join('\n'),
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exits 0 for a repository that meets the policy, with its recovery window and RPO', async () => {
    const { code, stdout } = await check([
      '--pgbackrest-json',
      clean,
      '--policy',
      policy,
      '--now',
      NOW,
    ]);
    expect(stdout).toContain('trading-db: OK (policy postgresql)');
    expect(stdout).toContain(
      'recovery window: 2026-11-21T16:05:14.000Z → 2026-11-29T16:00:33.000Z (backup)',
    );
    expect(stdout).toMatch(/RPO: 59 minutes/);
    expect(code).toBe(0);
  });

  it('exits 1 when the worst is a warning (the documented policy: WAL kept longer than fulls)', async () => {
    const { code, stdout } = await check([
      '--pgbackrest-json',
      clean,
      '--now',
      NOW,
      '--output',
      'json',
    ]);
    const [target] = JSON.parse(stdout);
    expect(target.status).toBe('warning');
    expect(target.violations.map((v: any) => v.code)).toContain(
      'POLICY_INCONSISTENT',
    );
    expect(code).toBe(1);
  });

  it('exits 2 for checksum errors, and for a full backup 8 days overdue', async () => {
    const corrupt = await check(['--pgbackrest-json', fixture, '--now', NOW]);
    expect(corrupt.stdout).toMatch(/BACKUP_CHECKSUM_ERRORS \(critical\)/);
    expect(corrupt.code).toBe(2);
    const late = await check([
      '--pgbackrest-json',
      clean,
      '--policy',
      policy,
      '--now',
      '2026-12-07T17:00:00Z',
    ]);
    expect(late.stdout).toMatch(/FULL_BACKUP_OVERDUE/);
    expect(late.code).toBe(2);
  });

  it('runs a command (no shell) and exits 2 on a repository error in the JSON', async () => {
    const script = path.join(dir, 'unreadable.sh');
    fs.writeFileSync(
      script,
      `#!/bin/sh\necho '[{"archive":[],"backup":[],"cipher":"none","db":[],"name":"[invalid]","repo":[{"cipher":"none","key":1,"status":{"code":99,"message":"[PathOpenError] unable to list file info for path /repo/backup: [13] Permission denied"}}],"status":{"code":99,"lock":{"backup":{"held":false}},"message":"other"}}]'\n`,
      { mode: 0o755 },
    );
    const { code, stdout } = await check([
      '--pgbackrest-command',
      `${script} info --output=json`,
    ]);
    expect(stdout).toMatch(
      /REPOSITORY_ERROR \(critical\): .*Permission denied/,
    );
    expect(code).toBe(2);
  });

  it.each([
    [['--pgbackrest-json', '/nonexistent.json'], /ENOENT/],
    [['--pgbackrest-command', 'false'], /false exited with code 1/],
    [['--pgbackrest-json', __filename], /not JSON/],
    [['--pgbackrest-command', 'echo []'], /lists no stanza/],
    [[], /exactly one of --pgbackrest-json and --pgbackrest-command/],
    [['--pgbackrest-json', fixture, '--now', 'yesterday'], /not an ISO 8601/],
    [['--pgbackrest-json', fixture, '--output', 'xml'], /use json or text/],
    [['--pgbackrest-json', fixture, '--bogus'], /Unknown option '--bogus'/],
  ])('exits 3 (unknown) for %j', async (args, message) => {
    const { code, stderr, stdout } = await check(args);
    expect(stderr).toMatch(/^backups-check: UNKNOWN: /);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
    expect(code).toBe(3);
  });

  it('exits 3 for a policy file the policy parser refuses', async () => {
    const bad = path.join(dir, 'bad.yaml');
    fs.writeFileSync(bad, "full: { schedule: 'never', retention: 1w }\n");
    const { code, stderr } = await check([
      '--pgbackrest-json',
      clean,
      '--policy',
      bad,
    ]);
    expect(stderr).toMatch(
      /Invalid backups.policies: postgresql.full.schedule/,
    );
    expect(code).toBe(3);
  });
});
