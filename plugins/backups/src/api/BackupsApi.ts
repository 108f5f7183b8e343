import { createApiRef } from '@backstage/core-plugin-api';
import type { Backup, TargetStatus } from '@fdp/plugin-backups-common';
import type { PolicySummary, TargetSummary } from './types';

/**
 * The backups backend's REST API (`/api/backups`).
 *
 * @public
 */
export interface BackupsApi {
  /** Every target, or those with one of `status`. */
  listTargets(query?: { status?: TargetStatus[] }): Promise<TargetSummary[]>;
  getTarget(name: string): Promise<TargetSummary>;
  /** The target's backups as the provider lists them. */
  getBackups(name: string): Promise<Backup[]>;
  listPolicies(): Promise<PolicySummary[]>;
}

/** @public */
export const backupsApiRef = createApiRef<BackupsApi>({
  id: 'plugin.backups.service',
});
