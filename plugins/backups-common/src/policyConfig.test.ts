import { DEFAULT_POLICIES, parsePoliciesConfig } from './policyConfig';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('DEFAULT_POLICIES', () => {
  it('are the documented ones: operations manual and infrastructure design', () => {
    expect(DEFAULT_POLICIES).toEqual([
      {
        name: 'postgresql',
        kind: 'database',
        timeZone: 'Asia/Seoul',
        gracePeriodMs: HOUR,
        // full every Sunday 01:00 kept 4 weeks
        full: { schedule: '0 1 * * 0', retentionMs: 28 * DAY },
        // incremental daily 01:00 kept 7 days
        incremental: { schedule: '0 1 * * *', retentionMs: 7 * DAY },
        // transaction logs archived, kept 30 days
        walArchive: {
          retentionMs: 30 * DAY,
          lag: { warningMs: 15 * 60_000, criticalMs: HOUR },
        },
      },
      {
        name: 'cluster-snapshots',
        kind: 'snapshot',
        timeZone: 'Asia/Seoul',
        gracePeriodMs: HOUR,
        schedule: '0 1 * * *',
        retention: { hourly: 24, daily: 7, weekly: 4, monthly: 12 },
        storage: {
          provider: 's3',
          bucket: 'backup-bucket',
          region: 'ap-northeast-2',
        },
      },
    ]);
    expect(parsePoliciesConfig(undefined)).toEqual(DEFAULT_POLICIES);
    expect(parsePoliciesConfig(null)).toEqual(DEFAULT_POLICIES);
  });
});

describe('parsePoliciesConfig', () => {
  it('replaces a field of a default policy whole, in any duration form', () => {
    const [postgresql, snapshots] = parsePoliciesConfig({
      postgresql: {
        timeZone: 'UTC',
        gracePeriod: '30m',
        full: { schedule: '0 2 * * 6', retention: 'P35D' },
      },
      'cluster-snapshots': {
        retention: { hourly: 1, daily: 7, weekly: 4, monthly: 12 },
      },
    });
    expect(postgresql).toMatchObject({
      timeZone: 'UTC',
      gracePeriodMs: HOUR / 2,
      full: { schedule: '0 2 * * 6', retentionMs: 35 * DAY },
      incremental: { schedule: '0 1 * * *', retentionMs: 7 * DAY },
    });
    expect(snapshots).toMatchObject({
      retention: { hourly: 1, daily: 7, weekly: 4, monthly: 12 },
    });
  });

  it('adds a complete new policy with the default zone and grace period', () => {
    const policies = parsePoliciesConfig({
      'audit-snapshots': {
        kind: 'snapshot',
        schedule: '0 */6 * * *',
        retention: { hourly: 0, daily: 30, weekly: 0, monthly: 0 },
      },
    });
    expect(policies.map(p => p.name)).toEqual([
      'postgresql',
      'cluster-snapshots',
      'audit-snapshots',
    ]);
    expect(policies[2]).toEqual({
      name: 'audit-snapshots',
      kind: 'snapshot',
      timeZone: 'Asia/Seoul',
      gracePeriodMs: HOUR,
      schedule: '0 */6 * * *',
      retention: { hourly: 0, daily: 30, weekly: 0, monthly: 0 },
    });
  });

  it.each([
    [
      { postgresql: { full: { schedule: '61 * * * *', retention: '4w' } } },
      'postgresql.full.schedule: invalid cron expression',
    ],
    [
      { postgresql: { full: { schedule: '', retention: '4w' } } },
      'postgresql.full.schedule: a cron expression is required',
    ],
    [
      { 'cluster-snapshots': { schedule: '0 0 30 2 *' } },
      "cluster-snapshots.schedule: invalid cron expression '0 0 30 2 *'",
    ],
    [
      { postgresql: { timeZone: 'Asia/Busan' } },
      'postgresql.timeZone: not an IANA time zone',
    ],
    [
      { postgresql: { gracePeriod: '0m' } },
      'postgresql.gracePeriod: must be longer than 0',
    ],
    [
      { postgresql: { gracePeriod: 'soon' } },
      "postgresql.gracePeriod: Invalid duration 'soon'",
    ],
    [
      {
        postgresql: {
          walArchive: {
            retention: '30d',
            lag: { warning: '2h', critical: '1h' },
          },
        },
      },
      'postgresql.walArchive.lag: warning must not be longer than critical',
    ],
    [{ postgresql: { fulll: {} } }, "Unrecognized key(s) in object: 'fulll'"],
    [
      {
        'cluster-snapshots': {
          retention: { hourly: -1, daily: 7, weekly: 4, monthly: 12 },
        },
      },
      'cluster-snapshots.retention.hourly',
    ],
    [
      { 'cluster-snapshots': { retention: { daily: 7 } } },
      'cluster-snapshots.retention.hourly: Required',
    ],
    [
      {
        'cluster-snapshots': {
          storage: { provider: 'gcs', bucket: 'b', region: 'r' },
        },
      },
      'cluster-snapshots.storage.provider',
    ],
    [{ mine: { kind: 'snapshot' } }, 'mine.schedule: Required'],
    [{ mine: { kind: 'tape' } }, 'mine.kind: Invalid discriminator value'],
    [{ Mine: { kind: 'snapshot' } }, 'Mine: a policy name is lower-case'],
    [[], 'must be an object'],
  ])('refuses %j naming the field', (config, message) => {
    expect(() => parsePoliciesConfig(config)).toThrow(
      /^Invalid backups.policies: /,
    );
    expect(() => parsePoliciesConfig(config)).toThrow(message);
  });

  it('names every bad field at once', () => {
    expect(() =>
      parsePoliciesConfig({
        postgresql: { timeZone: 'Nowhere/Land', gracePeriod: '0s' },
      }),
    ).toThrow(
      'postgresql.timeZone: not an IANA time zone (e.g. Asia/Seoul); postgresql.gracePeriod: must be longer than 0',
    );
  });
});
