import type { ClusterCacheState } from '@fdp/plugin-kubernetes-informer-cache-node';

/**
 * What users are told about a cluster the cache cannot read: the cluster's
 * name only. The cache's own text names the API server (host:port) and the
 * raw error, which belong in the log.
 */
export function clusterErrorMessage(
  cluster: Pick<ClusterCacheState, 'name' | 'error' | 'watched'>,
): string | undefined {
  if (!cluster.error) return undefined;
  if (cluster.watched === false) {
    return `cluster '${cluster.name}' is not watched: the portal cannot use its configured credentials (details in the backend log)`;
  }
  return `cluster '${cluster.name}': watch failing (details in the backend log)`;
}
