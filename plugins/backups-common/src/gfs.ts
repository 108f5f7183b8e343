import { DateTime } from 'luxon';
import { GfsRetention, SnapshotBackupPolicy } from './policy';
import { previousRun } from './schedule';

export type GfsUnit = 'hour' | 'day' | 'week' | 'month';

/** Retention field → calendar bucket (weeks start on Monday, ISO). */
export const GFS_UNITS: ReadonlyArray<[keyof GfsRetention, GfsUnit]> = [
  ['hourly', 'hour'],
  ['daily', 'day'],
  ['weekly', 'week'],
  ['monthly', 'month'],
];

export interface GfsBucket {
  /** [start, end) in epoch ms; calendar buckets of the policy's time zone. */
  start: number;
  end: number;
  /** The schedule runs in this bucket at all. */
  scheduled: boolean;
  /** A run in this bucket was due by now − grace period. */
  due: boolean;
}

/** The buckets one retention field asks to keep, newest (current) first. */
export interface GfsPlan {
  retention: keyof GfsRetention;
  unit: GfsUnit;
  wanted: number;
  buckets: GfsBucket[];
}

/**
 * The `wanted` most recent calendar buckets of each GFS field with a non-zero
 * count, ending with the bucket that holds `now`, and which of them the
 * schedule runs in. Depends on the policy and `now` only: computed once per
 * round, then each target's snapshots are counted against it.
 */
export function gfsPlans(policy: SnapshotBackupPolicy, now: number): GfsPlan[] {
  const cutoff = now - policy.gracePeriodMs;
  const run = (at: number) => previousRun(policy.schedule, policy.timeZone, at);
  return GFS_UNITS.filter(([field]) => policy.retention[field] > 0).map(
    ([retention, unit]) => {
      const wanted = policy.retention[retention];
      const current = DateTime.fromMillis(now, {
        zone: policy.timeZone,
      }).startOf(unit);
      const buckets: GfsBucket[] = [];
      let end = current.plus({ [unit]: 1 }).toMillis();
      for (let i = 0; i < wanted; i++) {
        const start = current.minus({ [unit]: i }).toMillis();
        const last = run(end - 1);
        const scheduled = last >= start;
        let due = scheduled && last <= cutoff;
        if (scheduled && !due && start <= cutoff) {
          due = run(cutoff) >= start;
        }
        buckets.push({ start, end, scheduled, due });
        end = start;
      }
      return { retention, unit, wanted, buckets };
    },
  );
}

/**
 * How many due buckets hold a restore point, and how many were due, counting
 * only buckets up to the newest restore point: a missing newest backup is
 * "overdue", not a retention shortfall.
 */
export function countGfs(
  plan: GfsPlan,
  restorePoints: readonly number[],
): { kept: number; expected: number } {
  const newest = Math.max(...restorePoints);
  let kept = 0;
  let expected = 0;
  for (const bucket of plan.buckets) {
    if (!bucket.due || bucket.start > newest) {
      continue;
    }
    expected++;
    if (restorePoints.some(t => t >= bucket.start && t < bucket.end)) {
      kept++;
    }
  }
  return { kept, expected };
}
