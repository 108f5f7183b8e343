import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  ClusterSummary,
  DeploymentHistoryResponse,
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
  /**
   * The recent deploys of an entity: per deployment, its latest revisions
   * (ReplicaSets) newest first, with images, time and replicas.
   */
  getDeploymentHistory(entityRef: string): Promise<DeploymentHistoryResponse>;
}

/** @public */
export const clusterHealthApiRef = createApiRef<ClusterHealthApi>().with({
  id: 'plugin.cluster-health.service',
  pluginId: 'cluster-health',
});
