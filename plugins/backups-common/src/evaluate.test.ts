import { policyClock } from './clock';
import { evaluateTarget } from './evaluate';
import { DatabaseBackupPolicy, SnapshotBackupPolicy } from './policy';
import { DEFAULT_POLICIES } from './policyConfig';
import { DAY, MINUTE, pgBackup, snapshot, times } from './testBackups';
import { Backup, TargetObservation } from './types';

const HOUR = 60 * MINUTE;
const at = (iso: string) => Date.parse(iso);
const [SEED_DB, SEED_SNAPSHOTS] = DEFAULT_POLICIES as [
  DatabaseBackupPolicy,
  SnapshotBackupPolicy,
];
/** The seed policy with WAL kept as long as fulls: no POLICY_INCONSISTENT. */
const DB: DatabaseBackupPolicy = {
  ...SEED_DB,
  walArchive: { ...SEED_DB.walArchive, retentionMs: 28 * DAY },
};
/** The seed snapshot policy without the impossible hourly retention. */
const SNAPSHOTS: SnapshotBackupPolicy = {
  ...SEED_SNAPSHOTS,
  retention: { ...SEED_SNAPSHOTS.retention, hourly: 0 },
};

// Wednesday 2 December 2026, 12:00 in Seoul
const NOW = at('2026-12-02T03:00:00Z');
// Sunday 01:00 Seoul = Saturday 16:00 UTC
const LAST_SUNDAY = at('2026-11-28T16:00:00Z');
const TODAY_0100 = at('2026-12-01T16:00:00Z');

/** Four weekly fulls and daily incrementals in between, 5 s after each run. */
function healthyDatabase(now = NOW): TargetObservation {
  const backups: Backup[] = [];
  // oldest first, so that WAL segments grow with time
  for (const sunday of times(LAST_SUNDAY, 7 * DAY, 4).reverse()) {
    const full = pgBackup('full', sunday + 5000);
    backups.push(full);
    for (let d = 1; d < 7 && sunday + d * DAY <= TODAY_0100; d++) {
      backups.push(
        pgBackup('incr', sunday + d * DAY + 5000, { references: [full.id] }),
      );
    }
  }
  const walIds = backups.map(b => b.wal!.stop).sort();
  return {
    backups,
    archive: {
      oldestSegment: walIds[0],
      newestSegment: '00000001000000FF00000000',
      newestArchivedAt: new Date(now - 5 * MINUTE).toISOString(),
    },
  };
}

function evaluate(
  observation: TargetObservation,
  policy: DatabaseBackupPolicy | SnapshotBackupPolicy,
  now = NOW,
) {
  return evaluateTarget(observation, policyClock(policy, new Date(now)));
}

const codes = (e: ReturnType<typeof evaluate>) =>
  e.violations.map(v => [v.code, v.severity]);

describe('evaluateTarget: database', () => {
  it('is ok when backups and WAL follow a consistent policy', () => {
    const e = evaluate(healthyDatabase(), DB);
    expect(e.violations).toEqual([]);
    expect(e.status).toBe('ok');
    expect(e.lastFull?.startedAt).toBe('2026-11-28T16:00:05.000Z');
    expect(e.lastIncremental?.startedAt).toBe('2026-12-01T16:00:05.000Z');
    expect(e.nextDue).toEqual({
      full: '2026-12-05T16:00:00.000Z',
      incremental: '2026-12-02T16:00:00.000Z',
    });
    // oldest full's stop → newest archived WAL
    expect(e.recoveryWindow).toEqual({
      from: '2026-11-07T16:05:05.000Z',
      to: '2026-12-02T02:55:00.000Z',
      toBasis: 'wal',
    });
    expect(e.rpoMs).toBe(5 * MINUTE);
  });

  it('carries the seed policy own finding into every target', () => {
    const e = evaluate(healthyDatabase(), SEED_DB);
    expect(codes(e)).toEqual([['POLICY_INCONSISTENT', 'warning']]);
    expect(e.status).toBe('warning');
  });

  it('8 days later: the full backup and the incrementals are overdue', () => {
    const later = NOW + 8 * DAY;
    const observation = healthyDatabase();
    observation.archive!.newestArchivedAt = new Date(later).toISOString();
    const e = evaluate(observation, DB, later);
    expect(codes(e)).toEqual([
      ['FULL_BACKUP_OVERDUE', 'warning'],
      ['INCREMENTAL_OVERDUE', 'critical'],
    ]);
    expect(e.violations[0].message).toBe(
      'The full backup due 2026-12-06 01:00 (Asia/Seoul) by the schedule ' +
        '0 1 * * 0 has not run: the newest started 2026-11-29 01:00 ' +
        '(Asia/Seoul), 11 days, 11 hours ago.',
    );
    expect(e.violations[1].message).toContain(', nor the one before');
    expect(e.status).toBe('critical');
  });

  it('waits the grace period before calling a run missed', () => {
    const observation = healthyDatabase();
    const justAfter = TODAY_0100 + DAY + 59 * MINUTE; // tomorrow 01:59 Seoul
    observation.archive!.newestArchivedAt = new Date(justAfter).toISOString();
    expect(codes(evaluate(observation, DB, justAfter))).toEqual([]);
    expect(codes(evaluate(observation, DB, justAfter + 2 * MINUTE))).toEqual([
      ['INCREMENTAL_OVERDUE', 'warning'],
    ]);
  });

  it('mentions a running backup', () => {
    const observation = { ...healthyDatabase(), backupInProgress: true };
    const later = TODAY_0100 + DAY + 2 * HOUR;
    observation.archive!.newestArchivedAt = new Date(later).toISOString();
    expect(evaluate(observation, DB, later).violations[0].message).toMatch(
      /A backup is running now\.$/,
    );
  });

  it('reads due times in the policy time zone', () => {
    // Sunday 03:00 in Seoul; the newest full ran Sunday 01:00 UTC a week ago
    const now = at('2026-11-28T18:00:00Z');
    const observation: TargetObservation = {
      backups: [pgBackup('full', at('2026-11-22T01:00:05Z'))],
      archive: {
        oldestSegment: '000000010000000000000000',
        newestSegment: '00000001000000FF00000000',
        newestArchivedAt: new Date(now).toISOString(),
      },
    };
    const inSeoul = evaluate(observation, DB, now);
    const inUtc = evaluate(observation, { ...DB, timeZone: 'UTC' }, now);
    expect(codes(inSeoul)).toContainEqual(['FULL_BACKUP_OVERDUE', 'warning']);
    expect(codes(inUtc).map(([c]) => c)).not.toContain('FULL_BACKUP_OVERDUE');
  });

  it('NO_BACKUPS when nothing completed', () => {
    const e = evaluate({ backups: [] }, DB);
    expect(codes(e)).toEqual([['NO_BACKUPS', 'critical']]);
    expect(e.violations[0].message).toBe(
      'No backup of this target has completed: there is nothing to restore from.',
    );
    expect(e.recoveryWindow).toBeUndefined();
    expect(e.rpoMs).toBeUndefined();
  });

  it('REPOSITORY_ERROR carries the repository message, instead of NO_BACKUPS', () => {
    const e = evaluate(
      { backups: [], repositoryError: 'repo1: [13] Permission denied' },
      DB,
    );
    expect(codes(e)).toEqual([['REPOSITORY_ERROR', 'critical']]);
    expect(e.violations[0].message).toBe(
      'The backup repository cannot be read: repo1: [13] Permission denied',
    );
  });

  it('BACKUP_CHECKSUM_ERRORS is critical and such a backup is no restore point', () => {
    const observation = healthyDatabase();
    const oldestFull = observation.backups.find(
      b => b.startedAt === '2026-11-07T16:00:05.000Z',
    )!;
    oldestFull.checksumErrors = true;
    const e = evaluate(observation, DB);
    expect(codes(e)).toContainEqual(['BACKUP_CHECKSUM_ERRORS', 'critical']);
    expect(
      e.violations.find(v => v.code === 'BACKUP_CHECKSUM_ERRORS')!.message,
    ).toBe(
      `1 backup (${oldestFull.id}) copied data pages with checksum errors: the ` +
        'database has corrupted pages and restoring restores the corruption. ' +
        'Check the database now (pg_amcheck).',
    );
    // its incrementals depend on it: the window starts at the next full
    expect(e.recoveryWindow?.from).toBe('2026-11-14T16:05:05.000Z');
  });

  it.each([
    [20 * MINUTE, 'warning'],
    [2 * HOUR, 'critical'],
  ])('WAL_ARCHIVE_LAG after %d ms is %s', (lag, severity) => {
    const observation = healthyDatabase();
    observation.archive!.newestArchivedAt = new Date(NOW - lag).toISOString();
    const e = evaluate(observation, DB);
    expect(codes(e)).toEqual([['WAL_ARCHIVE_LAG', severity]]);
    expect(e.rpoMs).toBe(lag);
  });

  it('WAL_ARCHIVE_GAP after the newest backup is critical and ends the window there', () => {
    const observation = healthyDatabase();
    observation.archive!.gaps = [
      { after: '00000001000000FE00000000', before: '00000001000000FE00000010' },
    ];
    const e = evaluate(observation, DB);
    expect(codes(e)).toEqual([['WAL_ARCHIVE_GAP', 'critical']]);
    expect(e.recoveryWindow?.toBasis).toBe('backup');
    expect(e.recoveryWindow?.to).toBe('2026-12-01T16:05:05.000Z');
  });

  it('an older WAL_ARCHIVE_GAP is a warning and the window starts after it', () => {
    const observation = healthyDatabase();
    const secondFull = observation.backups.find(
      b => b.startedAt === '2026-11-14T16:00:05.000Z',
    )!;
    observation.archive!.gaps = [
      { after: '000000010000000000000001', before: secondFull.wal!.start },
    ];
    const e = evaluate(observation, DB);
    expect(codes(e)).toEqual([['WAL_ARCHIVE_GAP', 'warning']]);
    expect(e.recoveryWindow?.from).toBe('2026-11-14T16:05:05.000Z');
  });

  it('a backup whose WAL left the archive cannot be restored', () => {
    const observation = healthyDatabase();
    const walIds = observation.backups.map(b => b.wal!.start).sort();
    // the archive starts after the first full's WAL
    observation.archive!.oldestSegment = walIds[1];
    const e = evaluate(observation, DB);
    const oldest = observation.backups.find(b => b.wal!.start === walIds[0])!;
    // and the fulls no longer reach back 4 weeks
    expect(codes(e)).toEqual([
      ['RETENTION_SHORTFALL', 'warning'],
      ['WAL_ARCHIVE_GAP', 'warning'],
    ]);
    expect(e.violations[1].message).toBe(
      `The WAL that ${oldest.id} need to be consistent is not in the archive ` +
        `(${walIds[1]} to 00000001000000FF00000000): they cannot be restored.`,
    );
    // nor can the incrementals built on it
    expect(e.recoveryWindow?.from).toBe('2026-11-14T16:05:05.000Z');
  });

  it('without a WAL time: no lag verdict, RPO from the newest backup', () => {
    const observation = healthyDatabase();
    delete observation.archive!.newestArchivedAt;
    const e = evaluate(observation, DB);
    expect(e.violations).toEqual([]);
    expect(e.recoveryWindow).toEqual({
      from: '2026-11-07T16:05:05.000Z',
      to: '2026-12-01T16:05:05.000Z',
      toBasis: 'backup',
    });
    expect(e.rpoMs).toBe(NOW - at('2026-12-01T16:05:05.000Z'));
  });

  it('an empty WAL archive is a critical gap', () => {
    const observation = { ...healthyDatabase(), archive: {} };
    expect(codes(evaluate(observation, DB))).toContainEqual([
      'WAL_ARCHIVE_GAP',
      'critical',
    ]);
  });

  it('RETENTION_SHORTFALL when fulls do not reach back 4 weeks', () => {
    const observation = healthyDatabase();
    observation.backups = observation.backups.filter(
      b => Date.parse(b.startedAt) > at('2026-11-20T00:00:00Z'),
    );
    const e = evaluate(observation, DB);
    expect(codes(e)).toEqual([['RETENTION_SHORTFALL', 'warning']]);
    expect(e.violations[0].message).toBe(
      'Restorable full backups should reach back 4 weeks, to the run due ' +
        '2026-11-08 01:00 (Asia/Seoul); the oldest started 2026-11-22 01:00 ' +
        '(Asia/Seoul) (2 kept).',
    );
  });
});

describe('evaluateTarget: snapshots', () => {
  // daily at 01:00 Seoul for 400 days
  const daily = times(TODAY_0100 + 60_000, DAY, 400).map(t => snapshot(t));

  it('counts GFS buckets: a daily schedule keeps daily, weekly and monthly', () => {
    const e = evaluate({ backups: daily }, SNAPSHOTS);
    expect(e.violations).toEqual([]);
    expect(e.status).toBe('ok');
    expect(e.lastFull?.startedAt).toBe('2026-12-01T16:01:00.000Z');
    expect(e.nextDue).toEqual({ full: '2026-12-02T16:00:00.000Z' });
    expect(e.recoveryWindow?.toBasis).toBe('backup');
    expect(e.rpoMs).toBe(NOW - (TODAY_0100 + 60_000));
  });

  it('says the seed policy cannot keep 24 hourly backups', () => {
    const e = evaluate({ backups: daily }, SEED_SNAPSHOTS);
    expect(codes(e)).toEqual([['POLICY_INCONSISTENT', 'warning']]);
  });

  it('RETENTION_SHORTFALL with the numbers when days are missing', () => {
    const gaps = daily.filter((_, i) => i !== 2 && i !== 4);
    const e = evaluate({ backups: gaps }, SNAPSHOTS);
    expect(codes(e)).toEqual([['RETENTION_SHORTFALL', 'warning']]);
    expect(e.violations[0].message).toBe(
      'The daily retention keeps 7: snapshots are kept in only 5 of the 7 ' +
        'days the schedule should have covered.',
    );
    expect(e.violations[0].params).toEqual({
      retention: 'daily',
      wanted: 7,
      kept: 5,
      expected: 7,
    });
  });

  it('expired, failed and partially failed snapshots keep nothing', () => {
    const backups = daily.map((b, i) =>
      i >= 1 && i <= 3
        ? {
            ...b,
            status: (['expired', 'failed', 'partiallyFailed'] as const)[i - 1],
          }
        : b,
    );
    const e = evaluate({ backups }, SNAPSHOTS);
    expect(
      e.violations.find(v => v.code === 'RETENTION_SHORTFALL')?.params,
    ).toEqual({ retention: 'daily', wanted: 7, kept: 4, expected: 7 });
  });

  it.each([
    ['failed', 'critical', 'failed.'],
    ['partiallyFailed', 'warning', 'partially failed.'],
  ] as const)('LAST_BACKUP_FAILED: %s is %s', (status, severity, words) => {
    const backups = [snapshot(TODAY_0100 + DAY + 60_000, status), ...daily];
    const e = evaluate({ backups }, SNAPSHOTS, TODAY_0100 + DAY + 30 * MINUTE);
    expect(codes(e)).toEqual([['LAST_BACKUP_FAILED', severity]]);
    expect(e.violations[0].message).toBe(
      `The newest backup ${backups[0].id}, started 2026-12-03 01:01 (Asia/Seoul), ${words}`,
    );
  });

  it('a schedule that stops producing snapshots goes overdue', () => {
    const e = evaluate({ backups: daily.slice(3) }, SNAPSHOTS);
    expect(codes(e)).toEqual([['FULL_BACKUP_OVERDUE', 'critical']]);
    expect(e.violations[0].message).toMatch(
      /^The snapshot due 2026-12-02 01:00 \(Asia\/Seoul\) by the schedule 0 1 \* \* \* has not run, nor the one before/,
    );
  });
});
