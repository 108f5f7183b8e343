import type { TargetSummary } from '@fdp/plugin-backups';
import type { TargetStatus } from '@fdp/plugin-backups-common';

const RANK: Record<TargetStatus, number> = { critical: 0, warning: 1, ok: 2 };

export interface BackupsOverview {
  total: number;
  /** Targets not OK, critical first. */
  notOk: TargetSummary[];
  /** The target with the largest RPO. */
  worstRpo?: TargetSummary;
}

/** What the overview shows of the backup targets. */
export function summarizeBackups(targets: TargetSummary[]): BackupsOverview {
  return {
    total: targets.length,
    notOk: targets
      .filter(target => target.status !== 'ok')
      .sort(
        (a, b) =>
          RANK[a.status] - RANK[b.status] || a.name.localeCompare(b.name),
      ),
    worstRpo: targets
      .filter(target => target.rpoMs !== undefined)
      .sort((a, b) => (b.rpoMs ?? 0) - (a.rpoMs ?? 0))[0],
  };
}
