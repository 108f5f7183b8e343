import { gfsPlans, GfsPlan } from './gfs';
import { BackupPolicy } from './policy';
import { checkPolicy } from './policyCheck';
import { nextRun, previousRun } from './schedule';
import { Violation } from './types';

/** Where a schedule stands at `now`. Times in epoch ms. */
export interface ScheduleClock {
  schedule: string;
  /** The latest run at or before now − grace period: it must have started. */
  lastDue: number;
  /** The run before lastDue: missing both is critical. */
  dueBefore: number;
  /** The first run after now. */
  next: number;
  /** Database: the first run inside the retention window (now − retention). */
  oldestKept?: number;
}

/**
 * Everything about a policy at `now` that needs the cron library (about
 * 0.3 ms a step): computed once per policy per round, then shared by every
 * target evaluated against it.
 */
export interface PolicyClock {
  policy: BackupPolicy;
  now: number;
  findings: Violation[];
  /** Database: the full schedule; snapshot: the snapshot schedule. */
  full: ScheduleClock;
  /** Database only. */
  incremental?: ScheduleClock;
  /** Snapshot only. */
  gfs?: GfsPlan[];
}

function scheduleClock(
  schedule: string,
  timeZone: string,
  now: number,
  graceMs: number,
  retentionMs?: number,
): ScheduleClock {
  const lastDue = previousRun(schedule, timeZone, now - graceMs);
  return {
    schedule,
    lastDue,
    dueBefore: previousRun(schedule, timeZone, lastDue - 1),
    next: nextRun(schedule, timeZone, now),
    ...(retentionMs
      ? { oldestKept: nextRun(schedule, timeZone, now - retentionMs) }
      : {}),
  };
}

/**
 * The policy's clock at `now`. `findings` are the policy's own
 * (`checkPolicy`): they sample its schedules far ahead and do not change
 * from one round to the next, so a caller evaluating every minute passes
 * them in once computed.
 */
export function policyClock(
  policy: BackupPolicy,
  now: Date,
  findings?: Violation[],
): PolicyClock {
  const at = now.getTime();
  const clock = (schedule: string, retentionMs?: number) =>
    scheduleClock(
      schedule,
      policy.timeZone,
      at,
      policy.gracePeriodMs,
      retentionMs,
    );
  if (policy.kind === 'database') {
    return {
      policy,
      now: at,
      findings: findings ?? checkPolicy(policy, now),
      full: clock(policy.full.schedule, policy.full.retentionMs),
      incremental: clock(
        policy.incremental.schedule,
        policy.incremental.retentionMs,
      ),
    };
  }
  const gfs = gfsPlans(policy, at);
  return {
    policy,
    now: at,
    findings: findings ?? checkPolicy(policy, now, gfs),
    full: clock(policy.schedule),
    gfs,
  };
}
