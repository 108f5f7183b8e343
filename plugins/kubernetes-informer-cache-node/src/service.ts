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
import {
  ClusterSource,
  DefaultKubernetesInformerCache,
} from './cache/DefaultKubernetesInformerCache';
import { KubernetesInformerCache } from './types';

/**
 * Where the official Kubernetes plugin hands its cluster supplier to the
 * informer cache (a root service cannot depend on the plugin-scoped catalog
 * the catalog locator needs, so the plugin's own supplier comes to it):
 * the informer-cache module calls `provide` with the plugin's supplier,
 * bound to the plugin's service credentials.
 *
 * @public
 */
export interface KubernetesClusterSourceSlot {
  provide(source: ClusterSource): void;
  /** resolves once provided; never without the Kubernetes plugin and the module */
  readonly source: Promise<ClusterSource>;
}

/** @public */
export const kubernetesClusterSourceServiceRef =
  createServiceRef<KubernetesClusterSourceSlot>({
    id: 'fdp.kubernetes.cluster-source',
    scope: 'root',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {},
        factory: () => {
          let provide!: (source: ClusterSource) => void;
          const source = new Promise<ClusterSource>(resolve => {
            provide = resolve;
          });
          return { provide, source };
        },
      }),
  });

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
  clusterSource: kubernetesClusterSourceServiceRef,
};

function createCache(options: {
  config: RootConfigService;
  logger: LoggerService;
  lifecycle: RootLifecycleService;
  authStrategies: ReadonlyMap<string, AuthenticationStrategy>;
  clusterSource: KubernetesClusterSourceSlot;
}): KubernetesInformerCache {
  const cache = DefaultKubernetesInformerCache.fromConfig(options.config, {
    logger: options.logger.child({ service: 'kubernetes-informer-cache' }),
    authStrategies: options.authStrategies,
  });
  // config clusters until the Kubernetes plugin's locators answer
  options.clusterSource.source.then(source => cache.useClusterSupplier(source));
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
