import {
  coreServices,
  createServiceFactory,
  createServiceRef,
  LoggerService,
  RootConfigService,
  RootLifecycleService,
} from '@backstage/backend-plugin-api';
import { DefaultKubernetesInformerCache } from './cache/DefaultKubernetesInformerCache';
import { KubernetesInformerCache } from './types';

const deps = {
  config: coreServices.rootConfig,
  logger: coreServices.rootLogger,
  lifecycle: coreServices.rootLifecycle,
};

function createCache(options: {
  config: RootConfigService;
  logger: LoggerService;
  lifecycle: RootLifecycleService;
}): KubernetesInformerCache {
  const cache = DefaultKubernetesInformerCache.fromConfig(options.config, {
    logger: options.logger.child({ service: 'kubernetes-node-cache' }),
  });
  // watches start on the first register(); stop them with the backend
  options.lifecycle.addShutdownHook(() => cache.stop());
  return cache;
}

/**
 * The shared Kubernetes informer cache: a root service, so one instance (one
 * set of watches) serves every plugin of the backend process.
 *
 * @public
 */
export const kubernetesInformerCacheServiceRef =
  createServiceRef<KubernetesInformerCache>({
    id: 'fdp.kubernetes.informer-cache',
    scope: 'root',
    defaultFactory: async service =>
      createServiceFactory({ service, deps, factory: createCache }),
  });

/**
 * The default factory of {@link kubernetesInformerCacheServiceRef}, for
 * backends that list their service factories explicitly.
 *
 * @public
 */
export const kubernetesInformerCacheServiceFactory = createServiceFactory({
  service: kubernetesInformerCacheServiceRef,
  deps,
  factory: createCache,
});
