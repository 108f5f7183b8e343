/** The kinds of backup the providers report. `snapshot` = a Velero backup. */
export type BackupType = 'full' | 'diff' | 'incr' | 'snapshot';

/**
 * - `completed`: finished; restorable unless it has checksum errors.
 * - `failed` / `partiallyFailed`: Velero's phases (pgBackRest never lists a
 *   backup that did not finish).
 * - `expired`: deleted or being deleted by retention; no longer restorable.
 */
export type BackupStatus =
  | 'completed'
  | 'failed'
  | 'partiallyFailed'
  | 'expired';

/** One backup, normalised across providers. Times are ISO 8601 UTC. */
export interface Backup {
  /** pgBackRest label (`20261129-010002F`) or Velero backup name. */
  id: string;
  type: BackupType;
  status: BackupStatus;
  startedAt: string;
  /** Absent while running or when the provider does not say. */
  stoppedAt?: string;
  /** Size of the database (pgBackRest `info.size`), bytes. */
  sizeBytes?: number;
  /** Size in the repository, after compression/deduplication, bytes. */
  repositorySizeBytes?: number;
  /**
   * pgBackRest `"error": true`: page checksum errors found in a backup that
   * completed, i.e. corrupted data pages were backed up. Not a failed run.
   */
  checksumErrors: boolean;
  /** WAL segments from backup start to stop (pgBackRest `archive`). */
  wal?: { start: string; stop: string };
  /** Backups this one needs to restore (pgBackRest `reference`). */
  references?: string[];
}

/** A range of WAL segments missing from the archive. */
export interface WalGap {
  /** The last segment present before the gap. */
  after: string;
  /** The first segment present after the gap. */
  before: string;
}

/** What is known about a database's WAL archive. */
export interface WalArchive {
  /** Oldest and newest WAL segment in the archive (pgBackRest `min`/`max`). */
  oldestSegment?: string;
  newestSegment?: string;
  /**
   * When the newest archived WAL segment was written/archived. pgBackRest's
   * `info` has no WAL times: a provider fills this from a better source
   * (`pg_stat_archiver.last_archived_time`, the segment file's time), or the
   * pgBackRest parser from the backup whose stop segment is the newest one.
   */
  newestArchivedAt?: string;
  /** Missing ranges, when the provider can see them. */
  gaps?: WalGap[];
}

/** What a provider observed of one target: the input of the evaluation. */
export interface TargetObservation {
  backups: Backup[];
  /** Database targets only. */
  archive?: WalArchive;
  /** The provider could not read the repository: its own message. */
  repositoryError?: string;
  /** A backup (or expire) is running now (pgBackRest's backup lock). */
  backupInProgress?: boolean;
}

export type TargetStatus = 'ok' | 'warning' | 'critical';
export type ViolationSeverity = 'warning' | 'critical';

export type ViolationCode =
  | 'NO_BACKUPS'
  | 'FULL_BACKUP_OVERDUE'
  | 'INCREMENTAL_OVERDUE'
  | 'LAST_BACKUP_FAILED'
  | 'BACKUP_CHECKSUM_ERRORS'
  | 'RETENTION_SHORTFALL'
  | 'WAL_ARCHIVE_LAG'
  | 'WAL_ARCHIVE_GAP'
  | 'REPOSITORY_ERROR'
  | 'POLICY_INCONSISTENT';

export interface Violation {
  code: ViolationCode;
  severity: ViolationSeverity;
  /** One or two English sentences for people. */
  message: string;
  /** The facts in the message, for a translated rendering. */
  params?: Record<string, string | number>;
}
