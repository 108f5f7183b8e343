import { Backup, TargetObservation } from './types';

export interface RecoveryWindow {
  /** Oldest point a restore can reach (ISO 8601). */
  from: string;
  /** Newest point a restore can reach (ISO 8601). */
  to: string;
  /**
   * `wal`: `to` is the newest archived WAL (replay up to it);
   * `backup`: `to` is the newest restorable backup (snapshots, or the WAL's
   * time is unknown or cut off by a gap).
   */
  toBasis: 'wal' | 'backup';
}

/** A backup's consistent point: pgBackRest's stop; a snapshot's start (what it saw). */
export function restorePoint(backup: Backup): number {
  return Date.parse(
    backup.type === 'snapshot'
      ? backup.startedAt
      : backup.stoppedAt ?? backup.startedAt,
  );
}

/**
 * The database backups a restore can start from: completed, without checksum
 * errors, every referenced backup also restorable, and its own WAL range
 * inside the archive (when the archive's bounds are known).
 */
export function restorableBackups(observation: TargetObservation): Backup[] {
  const { archive } = observation;
  const walInArchive = (b: Backup) =>
    !b.wal ||
    !archive?.oldestSegment ||
    !archive.newestSegment ||
    (b.wal.start >= archive.oldestSegment &&
      b.wal.stop <= archive.newestSegment);
  const usable = new Map(
    observation.backups
      .filter(b => b.status === 'completed' && !b.checksumErrors)
      .filter(walInArchive)
      .map(b => [b.id, b]),
  );
  // pgBackRest's `reference` lists the whole chain, so one pass suffices
  return [...usable.values()].filter(b =>
    (b.references ?? []).every(label => usable.has(label)),
  );
}

/**
 * Oldest restorable point → newest. For a database, WAL replay continues from
 * the oldest restorable backup after the last WAL gap up to the newest
 * archived WAL; a gap after every backup ends the window at the newest
 * backup. Undefined when nothing is restorable.
 */
export function recoveryWindow(
  observation: TargetObservation,
  restorable: readonly Backup[] = restorableBackups(observation),
): RecoveryWindow | undefined {
  if (!restorable.length) {
    return undefined;
  }
  const gaps = observation.archive?.gaps ?? [];
  const lastGapEnd = gaps.reduce((m, g) => (g.before > m ? g.before : m), '');
  let oldest = Infinity;
  let oldestAfterGaps = Infinity;
  let newest = -Infinity;
  for (const backup of restorable) {
    const point = restorePoint(backup);
    oldest = Math.min(oldest, point);
    newest = Math.max(newest, point);
    if (!backup.wal || backup.wal.start >= lastGapEnd) {
      oldestAfterGaps = Math.min(oldestAfterGaps, point);
    }
  }
  const walAt = observation.archive?.newestArchivedAt;
  const replaysToWal =
    restorable.some(b => b.type !== 'snapshot') &&
    oldestAfterGaps !== Infinity &&
    walAt !== undefined &&
    Date.parse(walAt) >= newest;
  return {
    from: new Date(
      oldestAfterGaps === Infinity ? oldest : oldestAfterGaps,
    ).toISOString(),
    to: replaysToWal ? walAt : new Date(newest).toISOString(),
    toBasis: replaysToWal ? 'wal' : 'backup',
  };
}
