/*
 * The pgBackRest provider against the REAL pgBackRest 2.45 and a REAL
 * PostgreSQL 15 cluster started here (Debian packages, private data
 * directory, port and repository): a backed-up database is ok with the right
 * recovery window; 8 days later its full backup is overdue; a broken
 * archive_command shows as WAL lag; an unreadable repository is a
 * repository error in pgBackRest's own words.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { parsePoliciesConfig } from '@fdp/plugin-backups-common';
import fs from 'node:fs';
import { parseBackupsConfig } from './config';
import { PgBackRestProvider } from './providers/pgbackrest/PgBackRestProvider';
import { BackupsService } from './service/BackupsService';
import { PgBackRestCluster } from './testing/pgBackRestCluster';
import { TEST_DATABASE_POLICY } from './testing/testPolicies';

jest.setTimeout(120_000);

const DAY = 24 * 3600 * 1000;

async function until(what: string, check: () => Promise<boolean>) {
  const deadline = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 200));
  }
}

describe('pgBackRest provider with a real pgBackRest and PostgreSQL', () => {
  let cluster: PgBackRestCluster;
  let now: Date;
  let service: BackupsService;

  beforeAll(async () => {
    cluster = await PgBackRestCluster.start();
    await cluster.psql(
      'CREATE TABLE trades AS SELECT g AS id, md5(g::text) AS note FROM generate_series(1, 20000) g',
    );
    await cluster.pgbackrest('backup', '--type=full');
    await cluster.psql(
      'INSERT INTO trades SELECT g, md5(g::text) FROM generate_series(1, 5000) g',
    );
    await cluster.pgbackrest('backup', '--type=incr');
    const config = parseBackupsConfig({
      policies: { 'test-db': TEST_DATABASE_POLICY },
      pgbackrest: [
        {
          name: 'local-repo',
          command: cluster.infoCommand,
          timeoutSeconds: 20,
          stanzas: [
            {
              target: 'trading-db',
              stanza: cluster.stanza,
              policy: 'test-db',
              archiver: { connection: cluster.connection },
            },
          ],
        },
      ],
    });
    service = new BackupsService({
      policies: config.policies,
      providers: config.pgbackrest.map(c => new PgBackRestProvider(c)),
      logger: mockServices.logger.mock(),
      now: () => now,
    });
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('reports a backed-up, archiving database as ok with its recovery window', async () => {
    now = new Date();
    await service.refresh();
    const target = service.getTarget('trading-db')!;
    expect(target.violations).toEqual([]);
    expect(target.status).toBe('ok');

    const info = JSON.parse(
      await cluster.pgbackrest('info', '--output=json'),
    )[0];
    const [full, incr] = info.backup;
    expect([full.type, incr.type]).toEqual(['full', 'incr']);
    const archived = await cluster.psql(
      'SELECT to_char(last_archived_time AT TIME ZONE \'UTC\', \'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"\') FROM pg_stat_archiver',
    );
    // oldest point: the full's stop; newest: the WAL the database last archived
    expect(target.recoveryWindow).toEqual({
      from: new Date(full.timestamp.stop * 1000).toISOString(),
      to: archived,
      toBasis: 'wal',
    });
    expect(target.rpoMs).toBe(now.getTime() - Date.parse(archived));
    expect(target.lastFull?.id).toBe(full.label);
    expect(target.lastIncremental?.id).toBe(incr.label);
    expect(service.getBackups('trading-db')?.map(b => b.id)).toEqual([
      incr.label,
      full.label,
    ]);
  });

  it('says FULL_BACKUP_OVERDUE with a clock 8 days later', async () => {
    now = new Date(Date.now() + 8 * DAY);
    await service.refresh();
    const target = service.getTarget('trading-db')!;
    expect(target.violations.map(v => v.code)).toEqual(
      expect.arrayContaining(['FULL_BACKUP_OVERDUE', 'INCREMENTAL_OVERDUE']),
    );
    expect(target.status).toBe('critical');
  });

  it('says WAL_ARCHIVE_LAG when archive_command fails', async () => {
    await cluster.psql("ALTER SYSTEM SET archive_command = 'false'");
    await cluster.psql('SELECT pg_reload_conf()');
    const failedBefore = Number(
      await cluster.psql('SELECT failed_count FROM pg_stat_archiver'),
    );
    // longer than the policy's 5 s warning lag
    await new Promise(r => setTimeout(r, 6000));
    await cluster.psql(
      'INSERT INTO trades SELECT g, md5(g::text) FROM generate_series(1, 5000) g',
    );
    await cluster.psql('SELECT pg_switch_wal()');
    await until(
      'the archiver to fail',
      async () =>
        Number(
          await cluster.psql('SELECT failed_count FROM pg_stat_archiver'),
        ) > failedBefore,
    );
    now = new Date();
    await service.refresh();
    const target = service.getTarget('trading-db')!;
    const lag = target.violations.find(v => v.code === 'WAL_ARCHIVE_LAG');
    expect(lag).toMatchObject({ severity: 'warning' });
    expect(target.rpoMs).toBeGreaterThan(6000);
  });

  it('says REPOSITORY_ERROR with pgBackRest’s own message when the repository is unreadable', async () => {
    fs.chmodSync(cluster.repo, 0o000);
    now = new Date();
    await service.refresh();
    const target = service.getTarget('trading-db')!;
    const error = target.violations.find(v => v.code === 'REPOSITORY_ERROR');
    expect(error?.severity).toBe('critical');
    expect(error?.message).toMatch(/Permission denied/);
    expect(error?.message).toContain(cluster.repo);
    expect(target.status).toBe('critical');
  });
});

// keep the test policy honest: the shared parser accepts it
it('the test policy is a valid database policy', () => {
  expect(
    parsePoliciesConfig({ 'test-db': TEST_DATABASE_POLICY }).find(
      p => p.name === 'test-db',
    )?.kind,
  ).toBe('database');
});
