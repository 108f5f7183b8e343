import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import StorageIcon from '@material-ui/icons/Storage';
import { ClusterHealthClient, clusterHealthApiRef } from './api';
import { isClusterHealthAvailable } from './filters';
import { nodePoolRouteRef, rootRouteRef } from './routes';

/** `api:cluster-health` */
export const clusterHealthApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: clusterHealthApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ClusterHealthClient({ discoveryApi, fetchApi }),
    }),
});

/** `page:cluster-health`: all clusters, and one pool at `:cluster/pools/:pool`. */
export const clusterHealthPage = PageBlueprint.make({
  params: {
    path: '/cluster-health',
    title: 'Cluster health',
    icon: <StorageIcon fontSize="inherit" />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/ClusterHealthPage').then(m => (
        <m.ClusterHealthPage />
      )),
  },
});

/** `entity-content:cluster-health/health`: the "Health" tab. */
export const clusterHealthEntityContent = EntityContentBlueprint.make({
  name: 'health',
  params: {
    path: '/cluster-health',
    title: 'Health',
    group: 'deployment',
    filter: isClusterHealthAvailable,
    loader: () =>
      import('./components/EntityClusterHealthContent').then(m => (
        <m.EntityClusterHealthContent />
      )),
  },
});

/** `entity-card:cluster-health/workloads`: the card on the overview. */
export const clusterHealthEntityCard = EntityCardBlueprint.make({
  name: 'workloads',
  params: {
    type: 'content',
    filter: isClusterHealthAvailable,
    loader: () =>
      import('./components/EntityClusterHealthCard').then(m => (
        <m.EntityClusterHealthCard />
      )),
  },
});

/**
 * The cluster health plugin for the new frontend system.
 *
 * @public
 */
export const clusterHealthPlugin = createFrontendPlugin({
  pluginId: 'cluster-health',
  title: 'Cluster health',
  icon: <StorageIcon fontSize="inherit" />,
  routes: {
    root: rootRouteRef,
    nodePool: nodePoolRouteRef,
  },
  extensions: [
    clusterHealthApi,
    clusterHealthPage,
    clusterHealthEntityContent,
    clusterHealthEntityCard,
  ],
});
