import { createPermission } from '@backstage/plugin-permission-common';

/** Reading cluster, node-pool, node and workload health. */
export const clusterHealthClusterReadPermission = createPermission({
  name: 'cluster-health.cluster.read',
  attributes: { action: 'read' },
});

export const clusterHealthPermissions = [clusterHealthClusterReadPermission];
