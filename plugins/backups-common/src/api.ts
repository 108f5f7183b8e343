import type { TargetEvaluation } from './evaluate';
import type { Violation } from './types';
import type { BackupPolicy } from './policy';

/**
 * A target as `GET /api/backups/targets` returns it: its evaluation, what
 * it is and where its backups are.
 *
 * @public
 */
export interface TargetSummary extends TargetEvaluation {
  name: string;
  policy: string;
  /** The provider kind (`pgbackrest`, `velero`) and its configured source name. */
  provider: { type: string; name: string };
  /** pgBackRest targets: the stanza (`--stanza`) in the repository. */
  stanza?: string;
  /**
   * pgBackRest targets: the repository holding the stanza's backups, as
   * pgBackRest numbers it (`repo1`; `--repo=1`), when `info` lists one.
   */
  repository?: string;
  backupCount: number;
  backupInProgress: boolean;
  /** When the provider was last read (ISO 8601). */
  observedAt: string;
  /**
   * The provider answered from data it could not refresh: a Velero
   * cluster whose watch is broken (the last good objects are kept). The
   * evaluation is of that data, as of `dataAsOf`. The backend always sends
   * it (optional for clients written before it).
   */
  stale?: boolean;
  /** With `stale`: when the data was last known to be current (ISO 8601), if known. */
  dataAsOf?: string;
}

/**
 * A policy as `GET /api/backups/policy` returns it.
 *
 * @public
 */
export interface PolicySummary {
  policy: BackupPolicy;
  /** The policy's own findings (`POLICY_INCONSISTENT`). */
  findings: Violation[];
}
