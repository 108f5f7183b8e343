import { TargetObservation } from '@fdp/plugin-backups-common';

/** One backup target as configured: what to look at and which policy applies. */
export interface TargetSpec {
  /** Unique across providers: the name in `fdp.io/backup-targets` and the URL. */
  name: string;
  /** A policy of `backups.policies`. */
  policy: string;
}

/** What a provider observed of one target: the evaluation input and where the data comes from. */
export interface ProviderObservation extends TargetObservation {
  /** pgBackRest: the stanza read. */
  stanza?: string;
  /** pgBackRest: the repository holding it (`repo1`). */
  repository?: string;
  /** The data could not be refreshed (a broken watch): last good data, as of `dataAsOf`. */
  stale?: boolean;
  dataAsOf?: string;
}

/**
 * An error whose message is fit for the API: it names what failed, never a
 * local path, host or internal detail (those go to the backend log with
 * `cause`). Any other error a provider throws is reported as "unreadable".
 */
export class ProviderError extends Error {
  name = 'ProviderError';
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
  /** The provider as its users name it in messages: `pgBackRest`, `Velero`. */
  readonly label: string;
  /** The provider's configured name, shown with its errors. */
  readonly name: string;
  readonly targets: readonly TargetSpec[];
  /**
   * An observation per target name. A target the provider could not read
   * carries `repositoryError`; a rejection means the whole provider failed
   * and every target of it gets `REPOSITORY_ERROR`: with the message of a
   * {@link ProviderError}, or "unreadable" for any other error.
   */
  observe(now: Date): Promise<Map<string, ProviderObservation>>;
}
