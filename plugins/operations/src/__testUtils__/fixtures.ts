import type {
  ClusterSummary,
  NodePoolSummary,
} from '@fdp/plugin-cluster-health-common';
import type {
  AlertsResponse,
  NormalizedAlert,
} from '@fdp/plugin-alerts-common';
import {
  DEFAULT_LEVELS,
  type IncidentListResponse,
  type IncidentSummary,
  type LevelsResponse,
} from '@fdp/plugin-incidents-common';
import type { TargetSummary } from '@fdp/plugin-backups';

export function pool(
  name: string,
  status: NodePoolSummary['status'],
  reasons: NodePoolSummary['reasons'] = [],
): NodePoolSummary {
  return { cluster: 'prod', name, status, reasons } as NodePoolSummary;
}

export function cluster(
  nodePools: NodePoolSummary[],
  extra: Partial<ClusterSummary> = {},
): ClusterSummary {
  return {
    name: 'prod',
    status: 'healthy',
    reasons: [],
    stale: false,
    nodePools,
    ...extra,
  };
}

export function alert(
  name: string,
  priority: NormalizedAlert['priority'],
  startsAt = '2026-11-30T00:00:00Z',
): NormalizedAlert {
  return {
    fingerprint: name,
    name,
    priority,
    state: 'firing',
    startsAt,
    labels: {},
    annotations: {},
    receivers: [],
    entityRefs: [],
    silencedBy: [],
    inhibitedBy: [],
    sources: ['default'],
  };
}

export function alertsResponse(
  alerts: NormalizedAlert[],
  errors: AlertsResponse['errors'] = [],
): AlertsResponse {
  const counts = { high: 0, medium: 0, low: 0, none: 0 };
  for (const a of alerts) counts[a.priority] += 1;
  return { alerts, counts, errors };
}

export const levels: LevelsResponse = { levels: DEFAULT_LEVELS };

export function incident(
  id: string,
  level: string,
  detectedAt: string,
  acknowledgedAt?: string,
): IncidentSummary {
  return {
    id,
    title: `incident ${id}`,
    level,
    stage: acknowledgedAt ? 'investigating' : 'detected',
    detectedAt,
    acknowledgedAt,
    version: 1,
  } as IncidentSummary;
}

export const page = (items: IncidentSummary[]): IncidentListResponse => ({
  items,
});

export function target(
  name: string,
  status: TargetSummary['status'],
  rpoMs?: number,
  message = `${name} needs a backup`,
): TargetSummary {
  return {
    name,
    status,
    rpoMs,
    violations:
      status === 'ok'
        ? []
        : [{ code: 'FULL_BACKUP_OVERDUE', severity: status, message }],
    policy: 'daily',
    provider: { type: 'pgbackrest', name: name },
    backupCount: 1,
    backupInProgress: false,
    observedAt: '2026-11-30T00:00:00Z',
    nextDue: { full: '2026-11-30T01:00:00Z' },
  } as TargetSummary;
}
