/**
 * Cluster and node-pool health: pages, entity tab and card, home card.
 *
 * @packageDocumentation
 */
import { clusterHealthPlugin } from './plugin';

export default clusterHealthPlugin;

export {
  clusterHealthPlugin,
  clusterHealthApi,
  clusterHealthPage,
  clusterHealthEntityContent,
  clusterHealthEntityCard,
} from './plugin';
export {
  clusterHealthLegacyPlugin,
  ClusterHealthPage,
  EntityClusterHealthCard,
} from './legacy';
export { ClusterHealthClient, clusterHealthApiRef } from './api';
export type { ClusterHealthApi } from './api';
export { rootRouteRef, nodePoolRouteRef } from './routes';
export { isClusterHealthAvailable } from './filters';
export { clusterHealthTranslationRef } from './translation';
