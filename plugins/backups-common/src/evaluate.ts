import { PolicyClock, ScheduleClock } from './clock';
import { durationInWords, timeInZone } from './format';
import { countGfs } from './gfs';
import {
  RecoveryWindow,
  recoveryWindow,
  restorableBackups,
  restorePoint,
} from './recoveryWindow';
import {
  Backup,
  TargetObservation,
  TargetStatus,
  Violation,
  ViolationCode,
  ViolationSeverity,
} from './types';

export interface TargetEvaluation {
  status: TargetStatus;
  violations: Violation[];
  /** Newest completed full backup (snapshot targets: newest snapshot). */
  lastFull?: Backup;
  /** Newest completed incremental or differential backup. */
  lastIncremental?: Backup;
  /** Next scheduled runs (ISO 8601). */
  nextDue: { full: string; incremental?: string };
  recoveryWindow?: RecoveryWindow;
  /** now − recoveryWindow.to: the data a restore now would lose at most. */
  rpoMs?: number;
}

const SEVERITY_RANK: Record<TargetStatus, number> = {
  ok: 0,
  warning: 1,
  critical: 2,
};

function violation(
  code: ViolationCode,
  severity: ViolationSeverity,
  message: string,
  params?: Violation['params'],
): Violation {
  return { code, severity, message, params };
}

/** Newest first; each time parsed once (a comparator parsing 2 × n log n is slow). */
function newestFirst(backups: readonly Backup[]): Backup[] {
  return backups
    .map(backup => ({ backup, at: Date.parse(backup.startedAt) }))
    .sort((a, b) => b.at - a.at)
    .map(({ backup }) => backup);
}

/**
 * The newest backup that serves `clock` started no earlier than its due time
 * minus the grace period (a run slightly early, or clocks slightly apart,
 * still count). Missing the last due run is a warning, missing the one
 * before as well critical.
 */
function overdue(
  code: 'FULL_BACKUP_OVERDUE' | 'INCREMENTAL_OVERDUE',
  what: string,
  newest: Backup | undefined,
  clock: ScheduleClock,
  evaluation: PolicyClock,
  running: boolean,
): Violation | undefined {
  const { gracePeriodMs: grace, timeZone } = evaluation.policy;
  const started = newest ? Date.parse(newest.startedAt) : -Infinity;
  if (started >= clock.lastDue - grace) {
    return undefined;
  }
  const both = started < clock.dueBefore - grace;
  const since = newest
    ? `the newest started ${timeInZone(started, timeZone)}, ` +
      `${durationInWords(evaluation.now - started)} ago`
    : 'there is none';
  return violation(
    code,
    both ? 'critical' : 'warning',
    `The ${what} due ${timeInZone(clock.lastDue, timeZone)} by the ` +
      `schedule ${clock.schedule} has not run` +
      `${both ? ', nor the one before' : ''}: ` +
      `${since}.${running ? ' A backup is running now.' : ''}`,
    {
      dueAt: new Date(clock.lastDue).toISOString(),
      ...(newest ? { newestStartedAt: newest.startedAt } : {}),
    },
  );
}

function list(ids: string[]): string {
  return ids.length > 3
    ? `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more`
    : ids.join(', ');
}

/**
 * A target's backups against its policy at the clock's `now`: status,
 * violations in words, last backups, next due times, recovery window, RPO.
 * Pure: the same observation and clock give the same answer.
 */
export function evaluateTarget(
  observation: TargetObservation,
  clock: PolicyClock,
): TargetEvaluation {
  const { policy, now } = clock;
  const tz = policy.timeZone;
  const violations: Violation[] = [...clock.findings];
  const backups = newestFirst(observation.backups);
  const completed = backups.filter(b => b.status === 'completed');
  const isDatabase = policy.kind === 'database';
  const restorable = restorableBackups(observation);

  if (observation.repositoryError) {
    violations.push(
      violation(
        'REPOSITORY_ERROR',
        'critical',
        `The backup repository cannot be read: ${observation.repositoryError}`,
        { error: observation.repositoryError },
      ),
    );
  } else if (!completed.length) {
    violations.push(
      violation(
        'NO_BACKUPS',
        'critical',
        'No backup of this target has completed: there is nothing to restore from.',
      ),
    );
  }

  const corrupt = completed.filter(b => b.checksumErrors).map(b => b.id);
  if (corrupt.length) {
    violations.push(
      violation(
        'BACKUP_CHECKSUM_ERRORS',
        'critical',
        `${corrupt.length} backup${corrupt.length > 1 ? 's' : ''} ` +
          `(${list(corrupt)}) copied data pages with checksum errors: the ` +
          `database has corrupted pages and restoring restores the ` +
          `corruption. Check the database now (pg_amcheck).`,
        { count: corrupt.length, backups: corrupt.join(',') },
      ),
    );
  }

  const last = backups.find(b => b.status !== 'expired');
  if (last?.status === 'failed' || last?.status === 'partiallyFailed') {
    violations.push(
      violation(
        'LAST_BACKUP_FAILED',
        last.status === 'failed' ? 'critical' : 'warning',
        `The newest backup ${last.id}, started ` +
          `${timeInZone(Date.parse(last.startedAt), tz)}, ` +
          `${last.status === 'failed' ? 'failed' : 'partially failed'}.`,
        { backup: last.id, status: last.status },
      ),
    );
  }

  const lastFull = completed.find(b =>
    isDatabase ? b.type === 'full' : b.type === 'snapshot',
  );
  const lastIncremental = isDatabase
    ? completed.find(b => b.type === 'incr' || b.type === 'diff')
    : undefined;

  if (completed.length) {
    const running = observation.backupInProgress ?? false;
    const full = overdue(
      'FULL_BACKUP_OVERDUE',
      isDatabase ? 'full backup' : 'snapshot',
      lastFull,
      clock.full,
      clock,
      running,
    );
    // A full or differential backup serves an incremental run as well.
    const incremental =
      clock.incremental &&
      overdue(
        'INCREMENTAL_OVERDUE',
        'incremental backup',
        completed.find(b => b.type !== 'snapshot'),
        clock.incremental,
        clock,
        running,
      );
    for (const v of [full, incremental]) {
      if (v) violations.push(v);
    }
    violations.push(...retention(restorable, clock));
  }

  if (policy.kind === 'database' && completed.length) {
    violations.push(...walViolations(observation, clock));
  }

  const window = recoveryWindow(observation, restorable);
  const status = violations.reduce<TargetStatus>(
    (worst, v) =>
      SEVERITY_RANK[v.severity] > SEVERITY_RANK[worst] ? v.severity : worst,
    'ok',
  );
  return {
    status,
    violations,
    ...(lastFull ? { lastFull } : {}),
    ...(lastIncremental ? { lastIncremental } : {}),
    nextDue: {
      full: new Date(clock.full.next).toISOString(),
      ...(clock.incremental
        ? { incremental: new Date(clock.incremental.next).toISOString() }
        : {}),
    },
    ...(window
      ? { recoveryWindow: window, rpoMs: now - Date.parse(window.to) }
      : {}),
  };
}

/**
 * Database: restorable backups must reach back to the first run of the
 * retention window (full backups: full runs; incremental: any backup).
 * Snapshots: GFS buckets kept vs due. Either way only the old end counts:
 * a missing newest backup is overdue, not short of retention.
 */
function retention(
  restorable: readonly Backup[],
  clock: PolicyClock,
): Violation[] {
  const { policy, now } = clock;
  if (policy.kind === 'snapshot') {
    const points = restorable.map(restorePoint);
    return (clock.gfs ?? []).flatMap(plan => {
      const { kept, expected } = countGfs(plan, points);
      return kept < expected
        ? [
            violation(
              'RETENTION_SHORTFALL',
              'warning',
              `The ${plan.retention} retention keeps ${plan.wanted}: ` +
                `snapshots are kept in only ${kept} of the ${expected} ` +
                `${plan.unit}s the schedule should have covered.`,
              {
                retention: plan.retention,
                wanted: plan.wanted,
                kept,
                expected,
              },
            ),
          ]
        : [];
    });
  }
  const grace = policy.gracePeriodMs;
  return (
    [
      [
        'full',
        policy.full,
        clock.full,
        restorable.filter(b => b.type === 'full'),
      ],
      ['incremental', policy.incremental, clock.incremental, restorable],
    ] as const
  ).flatMap(([what, s, schedule, kept]) => {
    const oldestDue = schedule?.oldestKept;
    if (oldestDue === undefined || !kept.length || oldestDue > now - grace) {
      return [];
    }
    const oldest = Math.min(...kept.map(b => Date.parse(b.startedAt)));
    if (oldest <= oldestDue + grace) {
      return [];
    }
    return [
      violation(
        'RETENTION_SHORTFALL',
        'warning',
        `Restorable ${what} backups should reach back ` +
          `${durationInWords(s.retentionMs)}, to the run due ` +
          `${timeInZone(oldestDue, policy.timeZone)}; the oldest started ` +
          `${timeInZone(oldest, policy.timeZone)} (${kept.length} kept).`,
        {
          retentionMs: s.retentionMs,
          oldestDueAt: new Date(oldestDue).toISOString(),
          oldestStartedAt: new Date(oldest).toISOString(),
          kept: kept.length,
        },
      ),
    ];
  });
}

function walViolations(
  observation: TargetObservation,
  clock: PolicyClock,
): Violation[] {
  const { policy, now } = clock;
  if (policy.kind !== 'database') return [];
  const archive = observation.archive;
  const tz = policy.timeZone;
  if (!archive?.newestSegment) {
    return [
      violation(
        'WAL_ARCHIVE_GAP',
        'critical',
        'The WAL archive is empty: no backup can be made consistent and ' +
          'point-in-time recovery is impossible.',
      ),
    ];
  }
  const out: Violation[] = [];
  if (archive.newestArchivedAt) {
    const at = Date.parse(archive.newestArchivedAt);
    const lag = now - at;
    const { warningMs, criticalMs } = policy.walArchive.lag;
    if (lag > warningMs) {
      out.push(
        violation(
          'WAL_ARCHIVE_LAG',
          lag > criticalMs ? 'critical' : 'warning',
          `The newest archived WAL (${archive.newestSegment}) is from ` +
            `${timeInZone(at, tz)}, ${durationInWords(lag)} ago (limit ` +
            `${durationInWords(lag > criticalMs ? criticalMs : warningMs)}): ` +
            `archiving is stuck or failing, and a restore now loses ` +
            `everything since.`,
          { lagMs: lag, newestSegment: archive.newestSegment },
        ),
      );
    }
  }
  const newestGood = observation.backups
    .filter(b => b.status === 'completed' && !b.checksumErrors && b.wal)
    .reduce<string>((m, b) => (b.wal!.start > m ? b.wal!.start : m), '');
  for (const gap of archive.gaps ?? []) {
    const blocksNow = gap.after >= newestGood;
    out.push(
      violation(
        'WAL_ARCHIVE_GAP',
        blocksNow ? 'critical' : 'warning',
        `WAL is missing from the archive after ${gap.after} up to ` +
          `${gap.before}: ${
            blocksNow
              ? 'recovery to any point after the gap is impossible.'
              : 'point-in-time recovery across the gap is impossible; ' +
                'the window starts at the first backup after it.'
          }`,
        { after: gap.after, before: gap.before },
      ),
    );
  }
  const outside = observation.backups.filter(
    b =>
      b.status === 'completed' &&
      b.wal &&
      archive.oldestSegment &&
      (b.wal.start < archive.oldestSegment ||
        b.wal.stop > archive.newestSegment!),
  );
  if (outside.length) {
    out.push(
      violation(
        'WAL_ARCHIVE_GAP',
        'warning',
        `The WAL that ${list(outside.map(b => b.id))} need to be consistent ` +
          `is not in the archive (${archive.oldestSegment} to ` +
          `${archive.newestSegment}): they cannot be restored.`,
        { backups: outside.map(b => b.id).join(',') },
      ),
    );
  }
  return out;
}
