import {
  statusRank,
  type ClusterSummary,
  type HealthReason,
  type HealthStatus,
  type NodePoolSummary,
} from '@fdp/plugin-cluster-health-common';

export interface ClusterHealthOverview {
  pools: number;
  byStatus: Record<HealthStatus, number>;
  /** The worst pool of all clusters and its most severe reason; undefined when all are healthy. */
  worst?: { pool: NodePoolSummary; reason?: HealthReason };
  stale: ClusterSummary[];
}

/** What the overview shows of every cluster's node pools. */
export function summarizeClusters(
  clusters: ClusterSummary[],
): ClusterHealthOverview {
  const pools = clusters.flatMap(cluster => cluster.nodePools);
  const byStatus: Record<HealthStatus, number> = {
    healthy: 0,
    warning: 0,
    critical: 0,
    unknown: 0,
  };
  for (const pool of pools) {
    byStatus[pool.status] += 1;
  }
  const [worstPool] = [...pools].sort(
    (a, b) =>
      statusRank(b.status) - statusRank(a.status) ||
      a.cluster.localeCompare(b.cluster) ||
      a.name.localeCompare(b.name),
  );
  const worst =
    worstPool && worstPool.status !== 'healthy'
      ? {
          pool: worstPool,
          reason: [...worstPool.reasons].sort(
            (a, b) => statusRank(b.severity) - statusRank(a.severity),
          )[0],
        }
      : undefined;
  return {
    pools: pools.length,
    byStatus,
    worst,
    stale: clusters.filter(cluster => cluster.stale),
  };
}
