import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  ClusterSummary,
  NodePoolSummary,
  NodeRow,
  WorkloadsResponse,
} from '@fdp/plugin-cluster-health-common';

/**
 * Reads cluster, node-pool, node and workload health from the
 * cluster-health backend.
 *
 * @public
 */
export interface ClusterHealthApi {
  /** All clusters with their node pools. */
  getClusters(): Promise<ClusterSummary[]>;
  /** The node pools of one cluster. */
  getNodePools(cluster: string): Promise<NodePoolSummary[]>;
  /** The nodes of one pool of one cluster. */
  getNodes(cluster: string, pool: string): Promise<NodeRow[]>;
  /** The workloads (deployments with their autoscalers) of an entity. */
  getWorkloads(entityRef: string): Promise<WorkloadsResponse>;
}

/** @public */
export const clusterHealthApiRef = createApiRef<ClusterHealthApi>().with({
  id: 'plugin.cluster-health.service',
  pluginId: 'cluster-health',
});
