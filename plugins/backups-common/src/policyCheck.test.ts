import { DatabaseBackupPolicy, SnapshotBackupPolicy } from './policy';
import { checkPolicy } from './policyCheck';
import { DEFAULT_POLICIES } from './policyConfig';

const DAY = 24 * 3600_000;
const NOW = new Date('2026-12-02T03:00:00Z');
const [SEED_DB, SEED_SNAPSHOTS] = DEFAULT_POLICIES as [
  DatabaseBackupPolicy,
  SnapshotBackupPolicy,
];

describe('checkPolicy: snapshots', () => {
  it('a daily schedule can never keep 24 hourly backups (the documented policy)', () => {
    const findings = checkPolicy(SEED_SNAPSHOTS, NOW);
    expect(findings).toEqual([
      {
        code: 'POLICY_INCONSISTENT',
        severity: 'warning',
        message:
          'The schedule 0 1 * * * (Asia/Seoul) leaves up to 1 day between ' +
          'runs, so it can never keep 24 hourly backups: only 1 of the last ' +
          '24 hours has a run.',
        params: {
          schedule: '0 1 * * *',
          retention: 'hourly',
          wanted: 24,
          possible: 1,
          longestIntervalMs: DAY,
        },
      },
    ]);
  });

  it('checks every bucket against the schedule', () => {
    const weekdays = { ...SEED_SNAPSHOTS, schedule: '0 1 * * 1-5' };
    expect(checkPolicy(weekdays, NOW).map(f => f.params?.retention)).toEqual([
      'hourly',
      'daily',
    ]);
    const monthly = { ...SEED_SNAPSHOTS, schedule: '0 1 1 * *' };
    expect(
      checkPolicy(monthly, NOW).map(f => [
        f.params?.retention,
        f.params?.possible,
      ]),
    ).toEqual([
      ['hourly', 0],
      // the last 7 days include 1 December
      ['daily', 1],
      ['weekly', 1],
    ]);
  });

  it('an hourly schedule keeps every bucket', () => {
    expect(
      checkPolicy({ ...SEED_SNAPSHOTS, schedule: '5 * * * *' }, NOW),
    ).toEqual([]);
  });

  it('a daily schedule in a DST zone still covers every day', () => {
    const berlin = {
      ...SEED_SNAPSHOTS,
      timeZone: 'Europe/Berlin',
      retention: { hourly: 0, daily: 7, weekly: 4, monthly: 12 },
    };
    // the week of the spring change (29 March 2026 has 23 hours)
    expect(checkPolicy(berlin, new Date('2026-03-31T12:00:00Z'))).toEqual([]);
  });
});

describe('checkPolicy: database', () => {
  it('the documented policy: WAL kept 30 days outlives the 4-week fulls', () => {
    const findings = checkPolicy(SEED_DB, NOW);
    expect(findings.map(f => f.message)).toEqual([
      'Transaction logs are kept 30 days but full backups only 4 weeks: WAL ' +
        'older than the oldest full backup cannot be replayed, so ' +
        'point-in-time recovery reaches back between 3 weeks and 4 weeks, ' +
        'not 30 days.',
    ]);
  });

  it('is quiet for a consistent policy', () => {
    const consistent = {
      ...SEED_DB,
      walArchive: { ...SEED_DB.walArchive, retentionMs: 28 * DAY },
    };
    expect(checkPolicy(consistent, NOW)).toEqual([]);
  });

  it('fulls must outlive the incrementals built on them', () => {
    const policy = {
      ...SEED_DB,
      full: { ...SEED_DB.full, retentionMs: 10 * DAY },
      walArchive: { ...SEED_DB.walArchive, retentionMs: 10 * DAY },
    };
    expect(checkPolicy(policy, NOW).map(f => f.message)).toEqual([
      'Incremental backups are kept 1 week and can be up to 1 week newer ' +
        'than the full backup they build on, so full backups must be kept at ' +
        'least 2 weeks; they are kept 10 days.',
    ]);
  });

  it('a retention shorter than the schedule interval keeps nothing at times', () => {
    const policy = {
      ...SEED_DB,
      incremental: { schedule: '0 1 * * *', retentionMs: DAY / 2 },
      walArchive: { ...SEED_DB.walArchive, retentionMs: 28 * DAY },
    };
    expect(checkPolicy(policy, NOW).map(f => f.message)).toEqual([
      'Incremental backups are kept 12 hours but the schedule 0 1 * * * runs ' +
        'up to 1 day apart, so at times none is kept.',
    ]);
  });

  it('WAL kept shorter than the time between backups breaks recovery to now', () => {
    const policy = {
      ...SEED_DB,
      walArchive: { ...SEED_DB.walArchive, retentionMs: DAY / 4 },
    };
    expect(checkPolicy(policy, NOW).map(f => f.message)).toEqual([
      'Transaction logs are kept 6 hours but backups run up to 1 day apart, ' +
        'so at times the WAL from the newest backup to now is gone and ' +
        'recovery to now fails.',
    ]);
  });
});
