/** Reading clusters and settings from the app config. */
import fs from 'node:fs';
import { Config } from '@backstage/config';
import {
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
  ANNOTATION_KUBERNETES_AWS_ASSUME_ROLE,
  ANNOTATION_KUBERNETES_AWS_EXTERNAL_ID,
  ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER,
} from '@backstage/plugin-kubernetes-common';
import type {
  AuthenticationStrategy,
  ClusterDetails,
} from '@backstage/plugin-kubernetes-node';
import { readOptionalDurationMs } from '@fdp/platform-node';
import { KubeConfig } from '@kubernetes/client-node';
import { USER_TOKEN_PROVIDERS } from './auth/authStrategies';
import {
  Authenticate,
  kubeConfigAuth,
  strategyAuth,
} from './client/requestAuth';
import { DiskUsageSettings, readDiskUsage } from './disk/diskUsageConfig';
import { CONFIG_KEY, informerCacheConfig } from './configKey';

/** A cluster as the cache sees it. */
export interface ClusterDefinition {
  name: string;
  url?: string;
  /** the official backend's authProvider, or `kubeconfig` */
  authProvider: string;
  /** auth for each request; undefined when the cluster cannot be watched */
  authenticate?: Authenticate;
  /** why the cluster cannot be watched */
  reason?: string;
  /** equal for two definitions of the same cluster (a locator's answers) */
  identity?: string;
}

/**
 * A cluster of `kubernetes.clusterLocatorMethods[type=config]` as the
 * official backend's config locator reads it (auth provider from
 * `authMetadata` or `authProvider`; token, AWS role and OIDC provider into
 * `authMetadata`).
 */
function toClusterDetails(c: Config): ClusterDetails {
  const block = (c.getOptional('authMetadata') ?? {}) as Record<string, string>;
  const optional = (key: string, as: string) => {
    const v = c.getOptionalString(key);
    return v ? { [as]: v } : {};
  };
  return {
    name: c.getString('name'),
    url: c.getString('url'),
    skipTLSVerify: c.getOptionalBoolean('skipTLSVerify') ?? false,
    caData: c.getOptionalString('caData'),
    caFile: c.getOptionalString('caFile'),
    authMetadata: {
      [ANNOTATION_KUBERNETES_AUTH_PROVIDER]:
        c.getOptionalString('authProvider') ?? 'unknown',
      ...optional('serviceAccountToken', 'serviceAccountToken'),
      ...optional('assumeRole', ANNOTATION_KUBERNETES_AWS_ASSUME_ROLE),
      ...optional('externalId', ANNOTATION_KUBERNETES_AWS_EXTERNAL_ID),
      ...optional(
        'oidcTokenProvider',
        ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER,
      ),
      ...block,
    },
  };
}

/**
 * A cluster as the official Kubernetes backend's locators describe it
 * (`ClusterDetails`: config, catalog, gke, localKubectlProxy), with the auth
 * the cache watches it with: the official strategy of its `authProvider`,
 * unless that strategy needs the signed-in user's token.
 */
export function clusterFromDetails(
  details: ClusterDetails,
  strategies: ReadonlyMap<string, AuthenticationStrategy>,
): ClusterDefinition {
  const { name, url } = details;
  const authProvider =
    details.authMetadata[ANNOTATION_KUBERNETES_AUTH_PROVIDER] ?? 'unknown';
  // what makes two answers of a locator the same cluster to the cache
  const identity = JSON.stringify([
    url,
    Object.entries(details.authMetadata).sort(),
    details.caData,
    details.caFile,
    details.skipTLSVerify,
  ]);
  const strategy = strategies.get(authProvider);
  if (!strategy || USER_TOKEN_PROVIDERS.has(authProvider)) {
    const why = strategy
      ? `authProvider '${authProvider}' signs requests with the signed-in user's own token, which a background watch does not have`
      : `authProvider '${authProvider}' is not one of the Kubernetes backend's auth strategies (${[
          ...strategies.keys(),
        ].join(', ')})`;
    return {
      name,
      url,
      authProvider,
      identity,
      reason: `not watched: the cache needs server-side auth (e.g. serviceAccount, aws, azure, googleServiceAccount, or a kubeconfig); ${why}`,
    };
  }
  return {
    name,
    url,
    authProvider,
    identity,
    authenticate: strategyAuth(strategy, details),
  };
}

/** Each context of a kubeconfig file as a cluster. */
export function clustersFromKubeconfig(path: string): ClusterDefinition[] {
  const text = fs.readFileSync(path, 'utf8');
  const base = new KubeConfig();
  base.loadFromString(text);
  return base.getContexts().map(context => {
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromString(text);
    kubeConfig.setCurrentContext(context.name);
    return {
      name: context.name,
      url: kubeConfig.getCurrentCluster()?.server,
      authProvider: 'kubeconfig',
      identity: `kubeconfig ${path} ${context.name}`,
      authenticate: kubeConfigAuth(kubeConfig),
    };
  });
}

/**
 * The contexts of `kubernetesInformerCache.kubeconfig` (local use), empty
 * when unset or unreadable (with a warning).
 */
export function readKubeconfigClusters(
  config: Config,
  warn: (message: string) => void = () => {},
): ClusterDefinition[] {
  const kubeconfig = informerCacheConfig(config, warn).getOptionalString(
    'kubeconfig',
  );
  if (!kubeconfig) return [];
  try {
    return clustersFromKubeconfig(kubeconfig);
  } catch (e) {
    warn(
      `kubernetes-informer-cache: cannot read kubeconfig ${kubeconfig}: ${
        (e as Error).message
      }`,
    );
    return [];
  }
}

/** The clusters by name, the first of each name kept (later ones warned). */
export function uniqueClusters(
  clusters: ClusterDefinition[],
  warn: (message: string) => void = () => {},
): ClusterDefinition[] {
  const names = new Set<string>();
  return clusters.filter(c => {
    if (names.has(c.name)) {
      warn(
        `kubernetes-informer-cache: duplicate cluster name '${c.name}' ignored`,
      );
      return false;
    }
    names.add(c.name);
    return true;
  });
}

/**
 * The clusters of a backend without the official Kubernetes plugin (tests,
 * benchmarks, scripts): `kubernetes.clusterLocatorMethods[type=config]`,
 * read as the official config locator reads them, plus the kubeconfig
 * contexts. With the plugin and the informer-cache module, the cache takes
 * its clusters from the plugin's own locators instead
 * (`DefaultKubernetesInformerCache.useClusterSupplier`).
 */
export function readClusters(
  config: Config,
  strategies: ReadonlyMap<string, AuthenticationStrategy>,
  warn: (message: string) => void = () => {},
): ClusterDefinition[] {
  const configured = (
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? []
  )
    .filter(method => method.getString('type') === 'config')
    .flatMap(method => method.getOptionalConfigArray('clusters') ?? [])
    .map(c => clusterFromDetails(toClusterDetails(c), strategies));
  return uniqueClusters(
    [...configured, ...readKubeconfigClusters(config, warn)],
    warn,
  );
}

/** Tunables of the cache (config `kubernetesInformerCache.*`, all optional). */
export interface CacheSettings {
  metricsIntervalMs: number;
  /** how often the official plugin's cluster locators are asked again */
  clusterRefreshMs: number;
  resyncIntervalMs: number;
  watchTimeoutSeconds: number;
  pageSize: number;
  backoff: { initialMs: number; maxMs: number };
  /** requests in flight at once: stats summaries, pod-metrics queries */
  statsConcurrency: number;
  statsMaxNodesPerRound: number;
  podQueryIdleMs: number;
  diskUsage: DiskUsageSettings;
}

export const DEFAULT_SETTINGS: CacheSettings = {
  metricsIntervalMs: 30_000,
  clusterRefreshMs: 60_000,
  resyncIntervalMs: 30 * 60_000,
  watchTimeoutSeconds: 300,
  pageSize: 500,
  backoff: { initialMs: 1000, maxMs: 30_000 },
  statsConcurrency: 16,
  statsMaxNodesPerRound: 500,
  podQueryIdleMs: 5 * 60_000,
  diskUsage: { source: 'none' },
};

/**
 * The cache's tunables; durations are `HumanDuration`s or strings (`30s`),
 * the former number keys (`metricsIntervalSeconds`, `backoff.initialMs`, ...)
 * still read with a deprecation warning through `warn`.
 */
export function readSettings(
  config: Config,
  warn: (message: string) => void = m => process.emitWarning(m),
): CacheSettings {
  const c = informerCacheConfig(config, warn);
  const duration = (
    key: string,
    deprecatedKey: string,
    unit: 'seconds' | 'milliseconds',
    fallbackMs: number,
  ) =>
    readOptionalDurationMs(c, key, {
      key: deprecatedKey,
      unit,
      section: `${CONFIG_KEY}.`,
      warn,
    }) ?? fallbackMs;
  return {
    metricsIntervalMs: duration(
      'metricsInterval',
      'metricsIntervalSeconds',
      'seconds',
      DEFAULT_SETTINGS.metricsIntervalMs,
    ),
    clusterRefreshMs: DEFAULT_SETTINGS.clusterRefreshMs,
    resyncIntervalMs: duration(
      'resyncInterval',
      'resyncIntervalSeconds',
      'seconds',
      DEFAULT_SETTINGS.resyncIntervalMs,
    ),
    watchTimeoutSeconds: Math.round(
      duration(
        'watchTimeout',
        'watchTimeoutSeconds',
        'seconds',
        DEFAULT_SETTINGS.watchTimeoutSeconds * 1000,
      ) / 1000,
    ),
    pageSize: c?.getOptionalNumber('listPageSize') ?? DEFAULT_SETTINGS.pageSize,
    backoff: {
      initialMs: duration(
        'backoff.initial',
        'backoff.initialMs',
        'milliseconds',
        DEFAULT_SETTINGS.backoff.initialMs,
      ),
      maxMs: duration(
        'backoff.max',
        'backoff.maxMs',
        'milliseconds',
        DEFAULT_SETTINGS.backoff.maxMs,
      ),
    },
    statsConcurrency:
      c?.getOptionalNumber('statsSummary.concurrency') ??
      DEFAULT_SETTINGS.statsConcurrency,
    statsMaxNodesPerRound:
      c?.getOptionalNumber('statsSummary.maxNodesPerRound') ??
      DEFAULT_SETTINGS.statsMaxNodesPerRound,
    podQueryIdleMs: duration(
      'podMetrics.idleTimeout',
      'podMetrics.idleSeconds',
      'seconds',
      DEFAULT_SETTINGS.podQueryIdleMs,
    ),
    diskUsage: readDiskUsage(config),
  };
}
