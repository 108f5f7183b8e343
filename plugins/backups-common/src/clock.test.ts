import { policyClock } from './clock';
import { checkPolicy } from './policyCheck';
import { DatabaseBackupPolicy, SnapshotBackupPolicy } from './policy';
import { DEFAULT_POLICIES } from './policyConfig';

const iso = (ms?: number) =>
  ms === undefined ? undefined : new Date(ms).toISOString();
const [SEED_DB, SEED_SNAPSHOTS] = DEFAULT_POLICIES as [
  DatabaseBackupPolicy,
  SnapshotBackupPolicy,
];

describe('policyClock', () => {
  // Sunday 29 November 2026, 01:30 in Seoul: the 01:00 runs are in their grace hour
  const now = new Date('2026-11-28T16:30:00Z');

  it('gives due, previous and next runs of both database schedules', () => {
    const clock = policyClock(SEED_DB, now);
    expect(clock.now).toBe(now.getTime());
    expect(iso(clock.full.lastDue)).toBe('2026-11-21T16:00:00.000Z');
    expect(iso(clock.full.dueBefore)).toBe('2026-11-14T16:00:00.000Z');
    expect(iso(clock.full.next)).toBe('2026-12-05T16:00:00.000Z');
    // the first Sunday 01:00 inside the last 4 weeks
    expect(iso(clock.full.oldestKept)).toBe('2026-11-07T16:00:00.000Z');
    expect(iso(clock.incremental?.lastDue)).toBe('2026-11-27T16:00:00.000Z');
    expect(iso(clock.incremental?.next)).toBe('2026-11-29T16:00:00.000Z');
    expect(iso(clock.incremental?.oldestKept)).toBe('2026-11-22T16:00:00.000Z');
    expect(clock.gfs).toBeUndefined();
    expect(clock.findings.map(f => f.code)).toEqual(['POLICY_INCONSISTENT']);
  });

  it('after the grace period the run of the day is due', () => {
    const clock = policyClock(SEED_DB, new Date('2026-11-28T17:00:00Z'));
    expect(iso(clock.full.lastDue)).toBe('2026-11-28T16:00:00.000Z');
  });

  it('reads the same schedule in another zone', () => {
    const clock = policyClock(
      { ...SEED_DB, timeZone: 'America/New_York' },
      now,
    );
    // Sunday 01:00 EST = 06:00 UTC
    expect(iso(clock.full.lastDue)).toBe('2026-11-22T06:00:00.000Z');
    expect(iso(clock.full.next)).toBe('2026-11-29T06:00:00.000Z');
  });

  it('gives a snapshot policy its schedule and GFS plan', () => {
    const clock = policyClock(SEED_SNAPSHOTS, now);
    expect(iso(clock.full.lastDue)).toBe('2026-11-27T16:00:00.000Z');
    expect(clock.incremental).toBeUndefined();
    expect(clock.gfs?.map(p => p.retention)).toEqual([
      'hourly',
      'daily',
      'weekly',
      'monthly',
    ]);
    expect(clock.findings.map(f => f.params?.retention)).toEqual(['hourly']);
  });
});

describe('policyClock with the findings passed in', () => {
  it('uses them instead of checking the policy again', () => {
    const now = new Date('2026-11-30T00:00:00Z');
    for (const policy of DEFAULT_POLICIES) {
      const checked = policyClock(policy, now);
      expect(checked.findings).toEqual(checkPolicy(policy, now));
      const given = policyClock(policy, now, []);
      expect(given.findings).toEqual([]);
      expect({ ...given, findings: checked.findings }).toEqual(checked);
    }
  });
});
