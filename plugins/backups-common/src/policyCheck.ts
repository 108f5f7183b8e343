import { durationInWords } from './format';
import { gfsPlans, GfsPlan } from './gfs';
import {
  BackupPolicy,
  DatabaseBackupPolicy,
  SnapshotBackupPolicy,
} from './policy';
import { longestInterval } from './schedule';
import { Violation } from './types';

const UNIT_WORDS = {
  hour: 'hours',
  day: 'days',
  week: 'weeks',
  month: 'months',
};

function inconsistent(message: string, params: Violation['params']): Violation {
  return { code: 'POLICY_INCONSISTENT', severity: 'warning', message, params };
}

function checkSnapshotPolicy(
  policy: SnapshotBackupPolicy,
  now: number,
  plans: GfsPlan[],
): Violation[] {
  const findings: Violation[] = [];
  for (const plan of plans) {
    const scheduled = plan.buckets.filter(b => b.scheduled).length;
    if (scheduled < plan.wanted) {
      const gap = longestInterval(policy.schedule, policy.timeZone, now);
      findings.push(
        inconsistent(
          `The schedule ${policy.schedule} (${policy.timeZone}) leaves up to ` +
            `${durationInWords(gap)} between runs, so it can never keep ` +
            `${plan.wanted} ${plan.retention} backups: only ${scheduled} of ` +
            `the last ${plan.wanted} ${UNIT_WORDS[plan.unit]} has a run.`,
          {
            schedule: policy.schedule,
            retention: plan.retention,
            wanted: plan.wanted,
            possible: scheduled,
            longestIntervalMs: gap,
          },
        ),
      );
    }
  }
  return findings;
}

function checkDatabasePolicy(
  policy: DatabaseBackupPolicy,
  now: number,
): Violation[] {
  const { full, incremental, walArchive, timeZone } = policy;
  const fullGap = longestInterval(full.schedule, timeZone, now);
  const incrementalGap = longestInterval(incremental.schedule, timeZone, now);
  const words = durationInWords;
  const findings: Violation[] = [];

  for (const [name, s, gap] of [
    ['Full', full, fullGap],
    ['Incremental', incremental, incrementalGap],
  ] as const) {
    if (s.retentionMs < gap) {
      findings.push(
        inconsistent(
          `${name} backups are kept ${words(s.retentionMs)} but the schedule ` +
            `${s.schedule} runs up to ${words(gap)} apart, so at times none ` +
            `is kept.`,
          { schedule: s.schedule, retentionMs: s.retentionMs, intervalMs: gap },
        ),
      );
    }
  }

  // An incremental taken just before the next full is up to fullGap newer
  // than the full it builds on, and needs that full as long as it is kept.
  const fullNeeded = incremental.retentionMs + fullGap;
  if (full.retentionMs < fullNeeded) {
    findings.push(
      inconsistent(
        `Incremental backups are kept ${words(incremental.retentionMs)} and ` +
          `can be up to ${words(fullGap)} newer than the full backup they ` +
          `build on, so full backups must be kept at least ` +
          `${words(fullNeeded)}; they are kept ${words(full.retentionMs)}.`,
        { fullRetentionMs: full.retentionMs, neededMs: fullNeeded },
      ),
    );
  }

  // Replaying WAL needs a base backup from before the target time: WAL older
  // than the oldest kept full is never used. The oldest full is between
  // retention − interval and retention old.
  if (walArchive.retentionMs > full.retentionMs) {
    const shortest = Math.max(full.retentionMs - fullGap, 0);
    findings.push(
      inconsistent(
        `Transaction logs are kept ${words(walArchive.retentionMs)} but full ` +
          `backups only ${words(
            full.retentionMs,
          )}: WAL older than the oldest ` +
          `full backup cannot be replayed, so point-in-time recovery reaches ` +
          `back between ${words(shortest)} and ${words(full.retentionMs)}, ` +
          `not ` +
          `${words(walArchive.retentionMs)}.`,
        {
          walRetentionMs: walArchive.retentionMs,
          fullRetentionMs: full.retentionMs,
          reachMinMs: shortest,
        },
      ),
    );
  }

  // Recovery to now replays WAL from the newest base backup on.
  const baseGap = Math.min(fullGap, incrementalGap);
  if (walArchive.retentionMs < baseGap) {
    findings.push(
      inconsistent(
        `Transaction logs are kept ${words(walArchive.retentionMs)} but ` +
          `backups run up to ${words(baseGap)} apart, so at times the WAL ` +
          `from the newest backup to now is gone and recovery to now fails.`,
        { walRetentionMs: walArchive.retentionMs, intervalMs: baseGap },
      ),
    );
  }
  return findings;
}

/**
 * The policy's own findings (POLICY_INCONSISTENT): what it promises that its
 * schedules cannot deliver. `now` only anchors the sampled runs; `plans`
 * saves recomputing them when the caller has them (see policyClock).
 */
export function checkPolicy(
  policy: BackupPolicy,
  now: Date,
  plans?: GfsPlan[],
): Violation[] {
  const at = now.getTime();
  return policy.kind === 'database'
    ? checkDatabasePolicy(policy, at)
    : checkSnapshotPolicy(policy, at, plans ?? gfsPlans(policy, at));
}
