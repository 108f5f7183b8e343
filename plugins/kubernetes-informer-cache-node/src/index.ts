/**
 * Shared Kubernetes informer cache for the backend: one list+watch per
 * cluster and kind, served to every plugin of the process.
 *
 * @packageDocumentation
 */
export * from './types';
export {
  kubernetesInformerCacheServiceRef,
  kubernetesInformerCacheServiceFactory,
  kubernetesAuthStrategiesServiceRef,
  kubernetesClusterSourceServiceRef,
  type KubernetesClusterSourceSlot,
} from './service';
export {
  createAuthStrategies,
  USER_TOKEN_PROVIDERS,
} from './auth/authStrategies';
export {
  ServiceAccountTokenStrategy,
  IN_CLUSTER_TOKEN_PATH,
} from './auth/ServiceAccountTokenStrategy';
export {
  DefaultKubernetesInformerCache,
  type InformerCacheOptions,
  type ClusterSource,
} from './cache/DefaultKubernetesInformerCache';
export {
  clusterFromDetails,
  readClusters,
  readSettings,
  DEFAULT_SETTINGS,
  type CacheSettings,
  type ClusterDefinition,
} from './config';
export {
  matchesLabelSelector,
  parseLabelSelector,
  toLabelRequirements,
  type LabelRequirement,
  type LabelSelectorInput,
  type LabelSelectorObject,
} from './labelSelector';
export {
  KIND_DEFINITIONS,
  CACHED_KINDS,
  findCachedKind,
  collectionPath,
  type KindDefinition,
} from './kinds';
export { trimObject } from './trim';
export { parseQuantity, cpuToMillis, memoryToBytes } from './quantity';
export {
  informerCacheConfig,
  CONFIG_KEY,
  DEPRECATED_CONFIG_KEY,
} from './configKey';
export { backoffDelay, type BackoffOptions } from './backoff';
