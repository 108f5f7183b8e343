import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/**
 * The cluster health root page (`/cluster-health` by default).
 *
 * Created with `@backstage/core-plugin-api` so that the same refs work in the
 * new frontend system and in legacy apps.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'cluster-health' });

/**
 * One node pool of one cluster, below the root page.
 *
 * @public
 */
export const nodePoolRouteRef = createSubRouteRef({
  id: 'cluster-health/node-pool',
  parent: rootRouteRef,
  path: '/:cluster/pools/:pool',
});
