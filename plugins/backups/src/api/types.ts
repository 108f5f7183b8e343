import type {
  BackupPolicy,
  TargetEvaluation,
  Violation,
} from '@fdp/plugin-backups-common';

/**
 * A target as `GET /api/backups/targets` returns it (the backend's
 * `TargetSummary`; the backend package is not a frontend dependency).
 *
 * @public
 */
export interface TargetSummary extends TargetEvaluation {
  name: string;
  policy: string;
  /** The provider kind (`pgbackrest`, `velero`) and its configured source name. */
  provider: { type: string; name: string };
  backupCount: number;
  backupInProgress: boolean;
  /** When the provider was last read (ISO 8601). */
  observedAt: string;
}

/**
 * A policy as `GET /api/backups/policy` returns it.
 *
 * @public
 */
export interface PolicySummary {
  policy: BackupPolicy;
  findings: Violation[];
}
