import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { ClusterHealthClient, clusterHealthApiRef } from './api';
import { nodePoolRouteRef, rootRouteRef } from './routes';

/**
 * The cluster health plugin for apps on the legacy frontend system.
 *
 * @public
 */
export const clusterHealthLegacyPlugin = createPlugin({
  id: 'cluster-health',
  apis: [
    createApiFactory({
      api: clusterHealthApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ClusterHealthClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef, nodePool: nodePoolRouteRef },
});

/**
 * The cluster health page with its header (legacy apps), e.g.
 * `<Route path="/cluster-health" element={<ClusterHealthPage />} />`.
 *
 * @public
 */
export const ClusterHealthPage = clusterHealthLegacyPlugin.provide(
  createRoutableExtension({
    name: 'ClusterHealthPage',
    component: () =>
      import('./components/ClusterHealthPage').then(
        m => m.LegacyClusterHealthPage,
      ),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The entity's workloads and autoscalers as a card (legacy apps); show it
 * for entities where `isClusterHealthAvailable` is true.
 *
 * @public
 */
export const EntityClusterHealthCard = clusterHealthLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityClusterHealthCard',
    component: {
      lazy: () =>
        import('./components/EntityClusterHealthCard').then(
          m => m.EntityClusterHealthCard,
        ),
    },
  }),
);
