import { TargetObservation } from '@fdp/plugin-backups-common';

/** One backup target as configured: what to look at and which policy applies. */
export interface TargetSpec {
  /** Unique across providers: the name in `fdp.io/backup-targets` and the URL. */
  name: string;
  /** A policy of `backups.policies`. */
  policy: string;
}

/**
 * A source of backup facts (pgBackRest, Velero; WAL-G or CloudNativePG can
 * implement the same). One `observe()` round reads every target of the
 * provider at once (e.g. one `pgbackrest info` for all stanzas of a
 * repository).
 */
export interface BackupProvider {
  /** `pgbackrest`, `velero`, … */
  readonly type: string;
  /** The provider's configured name, shown with its errors. */
  readonly name: string;
  readonly targets: readonly TargetSpec[];
  /**
   * An observation per target name. A target the provider could not read
   * carries `repositoryError`; a rejection means the whole provider failed
   * and every target of it gets `REPOSITORY_ERROR` with the error's message.
   */
  observe(now: Date): Promise<Map<string, TargetObservation>>;
}
