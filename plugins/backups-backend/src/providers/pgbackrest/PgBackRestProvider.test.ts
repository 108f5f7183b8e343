import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBackupsConfig } from '../../config';
import { BackupsService } from '../../service/BackupsService';
import { TEST_DATABASE_POLICY } from '../../testing/testPolicies';
import { PgBackRestProvider } from './PgBackRestProvider';

// eslint-disable-next-line no-restricted-syntax
const fixture = path.resolve(
  __dirname,
  '../../../../backups-common/src/pgbackrest/__fixtures__/info-2.45.json',
);

describe('pgBackRest provider: a misbehaving command', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdp-backups-cmd-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function script(name: string, body: string): string[] {
    const file = path.join(dir, name);
    fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
    return [file];
  }

  async function evaluate(command: string[]) {
    const stanzas = JSON.parse(fs.readFileSync(fixture, 'utf8')).map(
      (s: any) => s.name,
    );
    const config = parseBackupsConfig({
      policies: { 'test-db': TEST_DATABASE_POLICY },
      pgbackrest: [
        {
          name: 'broken',
          command,
          timeoutSeconds: 1,
          maxOutputBytes: 1024 * 1024,
          stanzas: [{ target: 'broken-db', policy: 'test-db' }],
        },
        {
          name: 'good',
          file: fixture,
          stanzas: [
            { target: 'good-db', stanza: stanzas[0], policy: 'test-db' },
          ],
        },
      ],
    });
    const service = new BackupsService({
      policies: config.policies,
      providers: config.pgbackrest.map(c => new PgBackRestProvider(c)),
      logger: mockServices.logger.mock(),
    });
    const started = Date.now();
    await service.refresh();
    return {
      ms: Date.now() - started,
      broken: service.getTarget('broken-db')!,
      good: service.getTarget('good-db')!,
    };
  }

  const repositoryError = (t: { violations: any[] }) =>
    t.violations.find(v => v.code === 'REPOSITORY_ERROR')?.message;

  it('stops a hanging command at the timeout', async () => {
    const { ms, broken, good } = await evaluate(script('hang', 'sleep 30'));
    expect(ms).toBeLessThan(10_000);
    expect(repositoryError(broken)).toMatch(
      /did not finish within 1000 ms and was stopped/,
    );
    expect(repositoryError(good)).toBeUndefined();
    expect(good.backupCount).toBeGreaterThan(0);
  });

  it('stops the children of a hanging wrapper too (the whole process group)', async () => {
    const pidFile = path.join(dir, 'child.pid');
    const { broken } = await evaluate(
      script('wrapper', `sleep 30 & echo $! > '${pidFile}'\nwait`),
    );
    expect(repositoryError(broken)).toMatch(/did not finish within 1000 ms/);
    const pid = Number(fs.readFileSync(pidFile, 'utf8'));
    await new Promise(r => setTimeout(r, 200));
    // gone, or a zombie waiting for init to reap it: not running
    const stat = path.join('/proc', String(pid), 'stat');
    const state = fs.existsSync(stat)
      ? fs.readFileSync(stat, 'utf8').split(') ')[1][0]
      : 'gone';
    expect(['gone', 'Z']).toContain(state);
  });

  it('reports a non-zero exit with the last line of stderr', async () => {
    const { broken, good } = await evaluate(
      script(
        'fail',
        'echo "ERROR: [055]: unable to load info file" >&2; exit 55',
      ),
    );
    expect(repositoryError(broken)).toMatch(
      /exited with code 55: ERROR: \[055\]: unable to load info file/,
    );
    expect(repositoryError(good)).toBeUndefined();
  });

  it('reports garbage output as not JSON', async () => {
    const { broken, good } = await evaluate(
      script('garbage', 'echo "<html>502 Bad Gateway</html>"'),
    );
    expect(repositoryError(broken)).toMatch(
      /pgbackrest info output is not JSON/,
    );
    expect(repositoryError(good)).toBeUndefined();
  });

  it('reports truncated JSON', async () => {
    const { broken } = await evaluate(
      script('truncated', `head -c 300 '${fixture}'`),
    );
    expect(repositoryError(broken)).toMatch(/not JSON/);
  });

  it('stops a command printing 100 MB at the output limit', async () => {
    const { broken, good } = await evaluate(
      script('flood', 'head -c 104857600 /dev/zero | tr "\\0" "x"'),
    );
    expect(repositoryError(broken)).toMatch(
      /printed more than 1048576 bytes and was stopped/,
    );
    expect(repositoryError(good)).toBeUndefined();
  });

  it('reports a command that does not exist', async () => {
    const { broken } = await evaluate([path.join(dir, 'missing')]);
    // by its file name: the path stays in the backend log
    expect(repositoryError(broken)).toMatch(
      /: pgBackRest source 'broken': missing could not be run \(ENOENT\)$/,
    );
  });
});

describe('pgBackRest provider: an unchanged output', () => {
  it('is not parsed again; a changed one is', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdp-backups-memo-'));
    try {
      const file = path.join(dir, 'info.json');
      const info = JSON.parse(fs.readFileSync(fixture, 'utf8'));
      fs.writeFileSync(file, JSON.stringify(info));
      const provider = new PgBackRestProvider(
        parseBackupsConfig({
          pgbackrest: [
            {
              name: 'r',
              file,
              stanzas: [{ target: 'db', stanza: info[0].name }],
            },
          ],
        }).pgbackrest[0],
      );
      const first = (await provider.observe()).get('db')!.backups;
      const again = (await provider.observe()).get('db')!.backups;
      expect(again).toBe(first);
      info[0].backup.pop();
      fs.writeFileSync(file, JSON.stringify(info));
      const changed = (await provider.observe()).get('db')!.backups;
      expect(changed).not.toBe(first);
      expect(changed).toHaveLength(first.length - 1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('pgBackRest provider: errors in the API', () => {
  it('name the source, never a local path or a system error', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdp-backups-path-'));
    const file = path.join(dir, 'secret-location', 'info.json');
    const logger = mockServices.logger.mock();
    try {
      const config = parseBackupsConfig({
        pgbackrest: [{ name: 'x', file, stanzas: [{ target: 'db' }] }],
      });
      const service = new BackupsService({
        policies: config.policies,
        providers: config.pgbackrest.map(c => new PgBackRestProvider(c)),
        logger,
      });
      await service.refresh();
      const messages = service
        .getTarget('db')!
        .violations.map(v => `${v.message} ${JSON.stringify(v.params)}`);
      expect(messages).toContainEqual(
        expect.stringContaining(
          "pgBackRest source 'x': info file unreadable (details in the backend log)",
        ),
      );
      for (const m of messages) {
        expect(m).not.toContain(dir);
        expect(m).not.toContain('ENOENT');
      }
      // the detail is in the log
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(/ENOENT.*secret-location/),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('give a file past the size limit without its path', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdp-backups-size-'));
    const file = path.join(dir, 'info.json');
    fs.writeFileSync(file, 'x'.repeat(2048));
    try {
      const config = parseBackupsConfig({
        pgbackrest: [
          {
            name: 'x',
            file,
            maxOutputBytes: 1024,
            stanzas: [{ target: 'db' }],
          },
        ],
      });
      const service = new BackupsService({
        policies: config.policies,
        providers: config.pgbackrest.map(c => new PgBackRestProvider(c)),
        logger: mockServices.logger.mock(),
      });
      await service.refresh();
      const error = service
        .getTarget('db')!
        .violations.find(v => v.code === 'REPOSITORY_ERROR')!.message;
      expect(error).toContain(
        "pgBackRest source 'x': info file holds 2048 bytes, more than the limit of 1024",
      );
      expect(error).not.toContain(dir);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('pgBackRest provider: stanza and repository', () => {
  it('are returned with the target, the stanza as configured', async () => {
    const config = parseBackupsConfig({
      pgbackrest: [
        {
          name: 'main-repo',
          file: fixture,
          stanzas: [{ target: 'orders', stanza: 'trading-db' }],
        },
      ],
    });
    const service = new BackupsService({
      policies: config.policies,
      providers: config.pgbackrest.map(c => new PgBackRestProvider(c)),
      logger: mockServices.logger.mock(),
    });
    await service.refresh();
    expect(service.getTarget('orders')).toMatchObject({
      name: 'orders',
      stanza: 'trading-db',
      repository: 'repo1',
      provider: { type: 'pgbackrest', name: 'main-repo' },
      stale: false,
    });
  });
});
