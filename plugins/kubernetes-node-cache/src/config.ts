/** Reading clusters and settings from the app config. */
import fs from 'node:fs';
import { Config } from '@backstage/config';
import { KubeConfig } from '@kubernetes/client-node';
import { DiskUsageSettings, readDiskUsage } from './disk/diskUsageConfig';

/** A cluster as the cache sees it. */
export interface ClusterDefinition {
  name: string;
  url?: string;
  /** the official backend's authProvider, or `kubeconfig` */
  authProvider: string;
  /** auth the server holds; undefined when the cluster cannot be watched */
  kubeConfig?: KubeConfig;
  /** why the cluster cannot be watched */
  reason?: string;
}

const AUTH_PROVIDER_ANNOTATION = 'kubernetes.io/auth-provider';

/** Auth providers whose credentials come from the signed-in user's browser. */
const CLIENT_SIDE = new Set(['google', 'oidc', 'aks', 'googleServiceAccount']);

function fromClusterConfig(c: Config): ClusterDefinition {
  const name = c.getString('name');
  const url = c.getString('url');
  const authMetadata = (c.getOptional('authMetadata') ?? {}) as Record<
    string,
    unknown
  >;
  const authProvider =
    (authMetadata[AUTH_PROVIDER_ANNOTATION] as string | undefined) ??
    c.getOptionalString('authProvider') ??
    'unknown';
  const token =
    (authMetadata.serviceAccountToken as string | undefined) ??
    c.getOptionalString('serviceAccountToken');
  if (authProvider !== 'serviceAccount' || !token) {
    let why = `authProvider '${authProvider}' is not supported by the cache`;
    if (CLIENT_SIDE.has(authProvider)) {
      why = `authProvider '${authProvider}' signs requests with the user's own credentials`;
    } else if (authProvider === 'serviceAccount') {
      why = `authProvider 'serviceAccount' without a serviceAccountToken in config`;
    }
    return {
      name,
      url,
      authProvider,
      reason: `not watched: the cache needs server-side auth (authProvider 'serviceAccount' with a serviceAccountToken, or a kubeconfig); ${why}`,
    };
  }
  const caFile = c.getOptionalString('caFile');
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [
      {
        name,
        server: url,
        caData: c.getOptionalString('caData'),
        caFile,
        skipTLSVerify: c.getOptionalBoolean('skipTLSVerify') ?? false,
      },
    ],
    users: [{ name, token }],
    contexts: [{ name, cluster: name, user: name }],
    currentContext: name,
  });
  return { name, url, authProvider, kubeConfig };
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
      kubeConfig,
    };
  });
}

/**
 * Clusters of `kubernetes.clusterLocatorMethods[type=config]` plus the
 * contexts of `kubernetesNodeCache.kubeconfig`. A context whose name is
 * already configured is skipped.
 */
export function readClusters(
  config: Config,
  warn: (message: string) => void = () => {},
): ClusterDefinition[] {
  const clusters: ClusterDefinition[] = [];
  const names = new Set<string>();
  const add = (c: ClusterDefinition) => {
    if (names.has(c.name)) {
      warn(`kubernetes-node-cache: duplicate cluster name '${c.name}' ignored`);
      return;
    }
    names.add(c.name);
    clusters.push(c);
  };
  for (const method of config.getOptionalConfigArray(
    'kubernetes.clusterLocatorMethods',
  ) ?? []) {
    if (method.getString('type') !== 'config') continue;
    for (const c of method.getOptionalConfigArray('clusters') ?? []) {
      add(fromClusterConfig(c));
    }
  }
  const kubeconfig = config.getOptionalString('kubernetesNodeCache.kubeconfig');
  if (kubeconfig) {
    try {
      clustersFromKubeconfig(kubeconfig).forEach(add);
    } catch (e) {
      warn(
        `kubernetes-node-cache: cannot read kubeconfig ${kubeconfig}: ${
          (e as Error).message
        }`,
      );
    }
  }
  return clusters;
}

/** Tunables of the cache (config `kubernetesNodeCache.*`, all optional). */
export interface CacheSettings {
  metricsIntervalMs: number;
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
  resyncIntervalMs: 30 * 60_000,
  watchTimeoutSeconds: 300,
  pageSize: 500,
  backoff: { initialMs: 1000, maxMs: 30_000 },
  statsConcurrency: 16,
  statsMaxNodesPerRound: 500,
  podQueryIdleMs: 5 * 60_000,
  diskUsage: { source: 'none' },
};

export function readSettings(config: Config): CacheSettings {
  const c = config.getOptionalConfig('kubernetesNodeCache');
  const seconds = (key: string, fallbackMs: number) => {
    const v = c?.getOptionalNumber(key);
    return v === undefined ? fallbackMs : v * 1000;
  };
  return {
    metricsIntervalMs: seconds(
      'metricsIntervalSeconds',
      DEFAULT_SETTINGS.metricsIntervalMs,
    ),
    resyncIntervalMs: seconds(
      'resyncIntervalSeconds',
      DEFAULT_SETTINGS.resyncIntervalMs,
    ),
    watchTimeoutSeconds:
      c?.getOptionalNumber('watchTimeoutSeconds') ??
      DEFAULT_SETTINGS.watchTimeoutSeconds,
    pageSize: c?.getOptionalNumber('listPageSize') ?? DEFAULT_SETTINGS.pageSize,
    backoff: {
      initialMs:
        c?.getOptionalNumber('backoff.initialMs') ??
        DEFAULT_SETTINGS.backoff.initialMs,
      maxMs:
        c?.getOptionalNumber('backoff.maxMs') ?? DEFAULT_SETTINGS.backoff.maxMs,
    },
    statsConcurrency:
      c?.getOptionalNumber('statsSummary.concurrency') ??
      DEFAULT_SETTINGS.statsConcurrency,
    statsMaxNodesPerRound:
      c?.getOptionalNumber('statsSummary.maxNodesPerRound') ??
      DEFAULT_SETTINGS.statsMaxNodesPerRound,
    podQueryIdleMs: seconds(
      'podMetrics.idleSeconds',
      DEFAULT_SETTINGS.podQueryIdleMs,
    ),
    diskUsage: readDiskUsage(config),
  };
}
