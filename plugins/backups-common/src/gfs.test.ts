import { countGfs, gfsPlans } from './gfs';
import { SnapshotBackupPolicy } from './policy';
import { DEFAULT_POLICIES } from './policyConfig';

const HOUR = 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const SEED = DEFAULT_POLICIES[1] as SnapshotBackupPolicy;

describe('gfsPlans', () => {
  it('lays calendar buckets of the policy zone back from now', () => {
    // Wednesday 2 December 2026, 12:00 in Seoul
    const now = Date.parse('2026-12-02T03:00:00Z');
    const plans = gfsPlans(SEED, now);
    expect(plans.map(p => [p.retention, p.buckets.length])).toEqual([
      ['hourly', 24],
      ['daily', 7],
      ['weekly', 4],
      ['monthly', 12],
    ]);
    const [hourly, daily, weekly, monthly] = plans;
    expect(iso(daily.buckets[0].start)).toBe('2026-12-01T15:00:00.000Z'); // 2 Dec 00:00 KST
    expect(iso(weekly.buckets[0].start)).toBe('2026-11-29T15:00:00.000Z'); // Monday
    expect(iso(monthly.buckets[11].start)).toBe('2025-12-31T15:00:00.000Z'); // 1 Jan 2026
    // a daily 01:00 run: one hourly bucket of 24 is scheduled, every day is
    expect(hourly.buckets.filter(b => b.scheduled)).toHaveLength(1);
    expect(daily.buckets.every(b => b.scheduled && b.due)).toBe(true);
  });

  it('a run not yet past its grace period is not due', () => {
    // 2 December 01:30 in Seoul: today's 01:00 run is still within 1 h
    const plans = gfsPlans(SEED, Date.parse('2026-12-01T16:30:00Z'));
    const daily = plans.find(p => p.retention === 'daily')!;
    expect(daily.buckets[0]).toMatchObject({ scheduled: true, due: false });
    expect(daily.buckets[1]).toMatchObject({ scheduled: true, due: true });
  });

  it('has a 23-hour day in Berlin on the spring DST change', () => {
    const berlin = { ...SEED, timeZone: 'Europe/Berlin' };
    const plans = gfsPlans(berlin, Date.parse('2026-03-31T12:00:00Z'));
    const daily = plans.find(p => p.retention === 'daily')!;
    const spring = daily.buckets.find(
      b => iso(b.start) === '2026-03-28T23:00:00.000Z',
    )!;
    expect(spring.end - spring.start).toBe(23 * HOUR);
    expect(daily.buckets.every(b => b.scheduled)).toBe(true);
  });
});

describe('countGfs', () => {
  it('counts due buckets that hold a restore point, up to the newest one', () => {
    const now = Date.parse('2026-12-02T03:00:00Z');
    const daily = gfsPlans(SEED, now).find(p => p.retention === 'daily')!;
    const run = (daysAgo: number) =>
      Date.parse('2026-12-01T16:00:00Z') - daysAgo * 24 * HOUR;
    // two snapshots on one day count once
    expect(countGfs(daily, [run(0), run(0) + 60_000, run(1), run(3)])).toEqual({
      kept: 3,
      expected: 7,
    });
    // the newest days missing are "overdue", not counted here
    expect(countGfs(daily, [run(3), run(4), run(5), run(6)])).toEqual({
      kept: 4,
      expected: 4,
    });
    expect(countGfs(daily, [])).toEqual({ kept: 0, expected: 0 });
  });
});
