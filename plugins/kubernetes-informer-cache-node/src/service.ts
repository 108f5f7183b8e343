import {
  coreServices,
  createServiceFactory,
  createServiceRef,
  LoggerService,
  RootConfigService,
  RootLifecycleService,
} from '@backstage/backend-plugin-api';
import type { AuthenticationStrategy } from '@backstage/plugin-kubernetes-node';
import { createAuthStrategies } from './auth/authStrategies';
import { DefaultKubernetesInformerCache } from './cache/DefaultKubernetesInformerCache';
import { KubernetesInformerCache } from './types';

/**
 * The Kubernetes auth strategies by `authProvider`, one set per backend
 * process: the informer cache authenticates with them and the informer-cache
 * module registers them with the official Kubernetes plugin, so both take
 * the same code path (and share e.g. the Azure token cache).
 *
 * @public
 */
export const kubernetesAuthStrategiesServiceRef = createServiceRef<
  ReadonlyMap<string, AuthenticationStrategy>
>({
  id: 'fdp.kubernetes.auth-strategies',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.rootLogger,
      },
      factory: ({ config, logger }) =>
        createAuthStrategies({
          config,
          logger: logger.child({ service: 'kubernetes-auth' }),
        }),
    }),
});

const deps = {
  config: coreServices.rootConfig,
  logger: coreServices.rootLogger,
  lifecycle: coreServices.rootLifecycle,
  authStrategies: kubernetesAuthStrategiesServiceRef,
};

function createCache(options: {
  config: RootConfigService;
  logger: LoggerService;
  lifecycle: RootLifecycleService;
  authStrategies: ReadonlyMap<string, AuthenticationStrategy>;
}): KubernetesInformerCache {
  const cache = DefaultKubernetesInformerCache.fromConfig(options.config, {
    logger: options.logger.child({ service: 'kubernetes-informer-cache' }),
    authStrategies: options.authStrategies,
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
