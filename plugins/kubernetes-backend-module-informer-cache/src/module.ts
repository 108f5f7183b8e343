import {
  coreServices,
  createBackendModule,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  kubernetesAuthStrategyExtensionPoint,
  kubernetesClusterSupplierExtensionPoint,
  kubernetesFetcherExtensionPoint,
} from '@backstage/plugin-kubernetes-node';
import {
  CachedKind,
  findCachedKind,
  kubernetesAuthStrategiesServiceRef,
  kubernetesClusterSourceServiceRef,
  kubernetesInformerCacheServiceRef,
  informerCacheConfig,
} from '@fdp/plugin-kubernetes-informer-cache-node';
import { InformerCacheFetcher } from './InformerCacheFetcher';
import { createRequestValidation } from './requests/requestValidation';

/** The object types the official Kubernetes tab fetches by default. */
export const DEFAULT_KINDS: CachedKind[] = [
  'pods',
  'services',
  'configmaps',
  'limitranges',
  'resourcequotas',
  'deployments',
  'replicasets',
  'horizontalpodautoscalers',
  'jobs',
  'cronjobs',
  'ingresses',
  'statefulsets',
  'daemonsets',
];

const OFFICIAL_TYPES: Record<string, CachedKind> = Object.fromEntries(
  DEFAULT_KINDS.map(k => [k, k]),
);

/**
 * The kinds to hold whole: the tab's object types (`kubernetes.objectTypes`
 * or the defaults) that the cache supports, plus custom resources of
 * `kubernetes.customResources` (and per-cluster `customResources`) the cache
 * supports, i.e. `autoscaling.k8s.io/v1 verticalpodautoscalers`.
 */
export function kindsToCache(config: RootConfigService): CachedKind[] {
  const kinds = new Set<CachedKind>();
  const objectTypes = config.getOptionalStringArray('kubernetes.objectTypes');
  for (const t of objectTypes ?? DEFAULT_KINDS) {
    if (OFFICIAL_TYPES[t]) kinds.add(OFFICIAL_TYPES[t]);
  }
  const customResources = [
    ...(config.getOptionalConfigArray('kubernetes.customResources') ?? []),
    ...(config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [])
      .flatMap(m => m.getOptionalConfigArray('clusters') ?? [])
      .flatMap(c => c.getOptionalConfigArray('customResources') ?? []),
  ];
  for (const cr of customResources) {
    const kind = findCachedKind(
      cr.getString('group'),
      cr.getString('apiVersion'),
      cr.getString('plural'),
    );
    if (kind) kinds.add(kind);
  }
  return [...kinds];
}

/**
 * Serves the official Kubernetes backend's object and pod-metrics fetching
 * from the shared informer cache (`@fdp/plugin-kubernetes-informer-cache-node`), and
 * gives the official backend the cache's auth strategies, so both
 * authenticate to a cluster the same way (e.g. the projected service-account
 * token, re-read when rotated); hands the official backend's cluster
 * supplier (its locators: config, catalog, gke, localKubectlProxy) to the
 * cache, so both see the same clusters; and answers malformed requests to
 * the official routes with a 400 before the official router sees them.
 *
 * @public
 */
export const kubernetesModuleInformerCache = createBackendModule({
  pluginId: 'kubernetes',
  moduleId: 'informer-cache',
  register(env) {
    env.registerInit({
      deps: {
        fetchers: kubernetesFetcherExtensionPoint,
        authStrategyPoint: kubernetesAuthStrategyExtensionPoint,
        clusterSuppliers: kubernetesClusterSupplierExtensionPoint,
        clusterSource: kubernetesClusterSourceServiceRef,
        auth: coreServices.auth,
        authStrategies: kubernetesAuthStrategiesServiceRef,
        cache: kubernetesInformerCacheServiceRef,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        http: coreServices.httpRouter,
      },
      async init({
        http,
        fetchers,
        authStrategyPoint,
        clusterSuppliers,
        clusterSource,
        auth,
        authStrategies,
        cache,
        config,
        logger,
      }) {
        // the plugin's own router is mounted after this (module inits run
        // before the plugin's), so malformed requests stop here with a 400
        http.use(createRequestValidation());
        // the whole map: once one strategy is added, the official backend
        // uses only the added ones instead of its defaults
        for (const [provider, strategy] of authStrategies) {
          authStrategyPoint.addAuthStrategy(provider, strategy);
        }
        // the official supplier, unchanged, for the plugin; the cache asks it
        // in the background with the plugin's own service credentials (the
        // catalog locator reads Resources of spec.type kubernetes-cluster)
        clusterSuppliers.addClusterSupplier(async ({ getDefault }) => {
          const official = await getDefault();
          clusterSource.provide({
            getClusters: async () =>
              official.getClusters({
                credentials: await auth.getOwnServiceCredentials(),
              }),
          });
          return official;
        });
        if (
          informerCacheConfig(config, m => logger.warn(m)).getOptionalBoolean(
            'serveKubernetesPlugin',
          ) === false
        ) {
          logger.info(
            'kubernetesInformerCache.serveKubernetesPlugin is false: the Kubernetes plugin uses its stock fetcher',
          );
          return;
        }
        const kinds = kindsToCache(config);
        cache.register({ kinds, detail: 'full', metrics: true });
        const clusters = cache.listClusters();
        const watched = clusters.filter(c => c.watched !== false);
        const passed = clusters.filter(c => c.watched === false);
        logger.info(
          `Kubernetes objects of ${
            watched.map(c => c.name).join(', ') || 'no cluster'
          } are served from the informer cache (${kinds.join(
            ', ',
          )}) once synced${
            passed.length > 0
              ? `; ${passed
                  .map(c => `${c.name} (authProvider ${c.authProvider})`)
                  .join(', ')} go to the default fetcher`
              : ''
          }`,
        );
        fetchers.addFetcher(
          async ({ getDefault }) =>
            new InformerCacheFetcher({ cache, getDefault, logger }),
        );
      },
    });
  },
});
