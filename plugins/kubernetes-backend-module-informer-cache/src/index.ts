/**
 * Serves the official Kubernetes backend's fetching from the shared
 * informer cache.
 *
 * @packageDocumentation
 */
export { kubernetesModuleInformerCache as default } from './module';
export {
  kubernetesModuleInformerCache,
  kindsToCache,
  DEFAULT_KINDS,
} from './module';
export {
  InformerCacheFetcher,
  type InformerCacheFetcherOptions,
} from './InformerCacheFetcher';
