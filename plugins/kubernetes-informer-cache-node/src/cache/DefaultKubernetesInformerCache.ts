import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import type {
  AuthenticationStrategy,
  ClusterDetails,
} from '@backstage/plugin-kubernetes-node';
import { createAuthStrategies } from '../auth/authStrategies';
import { KubeClient } from '../client/KubeClient';
import {
  CacheSettings,
  ClusterDefinition,
  DEFAULT_SETTINGS,
  clusterFromDetails,
  readClusters,
  readKubeconfigClusters,
  readSettings,
  uniqueClusters,
} from '../config';
import { KIND_DEFINITIONS } from '../kinds';
import { LabelRequirement, toLabelRequirements } from '../labelSelector';
import {
  CacheEvent,
  CacheInterest,
  CachedKind,
  CachedObject,
  ClusterCacheState,
  KindCacheState,
  KubernetesInformerCache,
  NodeUsage,
  PodUsageSnapshot,
} from '../types';
import { DiskSource } from '../disk/DiskSource';
import { KubeletStatsDiskSource } from '../disk/KubeletStatsDiskSource';
import { PrometheusDiskSource } from '../disk/PrometheusDiskSource';
import { KindStore } from './KindStore';
import { KindWatcher } from './KindWatcher';
import { MetricsPoller } from './MetricsPoller';

/** Options of {@link DefaultKubernetesInformerCache}. */
export interface InformerCacheOptions {
  logger: LoggerService;
  /** the clusters until a cluster supplier answers (or for good, without one) */
  clusters: ClusterDefinition[];
  settings?: Partial<CacheSettings>;
  /** the auth of the clusters a supplier names (default: none watchable) */
  authStrategies?: ReadonlyMap<string, AuthenticationStrategy>;
  /** clusters kept beside a supplier's (the kubeconfig contexts) */
  localClusters?: ClusterDefinition[];
}

/**
 * What the official Kubernetes backend's cluster supplier answers (its
 * locators: config, catalog, gke, localKubectlProxy), with the credentials
 * to ask them bound in.
 */
export interface ClusterSource {
  getClusters(): Promise<ClusterDetails[]>;
}

interface ClusterRuntime {
  def: ClusterDefinition;
  client?: KubeClient;
  watchers: Map<CachedKind, KindWatcher>;
  metrics?: MetricsPoller;
  synced: boolean;
  stale: boolean;
}

const EMPTY_MAP: ReadonlyMap<string, never> = new Map<string, never>();

/**
 * The shared informer cache: one list+watch per cluster and registered kind,
 * started lazily by the first {@link DefaultKubernetesInformerCache.register}.
 */
export class DefaultKubernetesInformerCache implements KubernetesInformerCache {
  private readonly logger: LoggerService;
  private readonly settings: CacheSettings;
  private readonly clusters = new Map<string, ClusterRuntime>();
  private readonly details = new Map<CachedKind, 'full' | 'trimmed'>();
  private readonly listeners = new Set<(event: CacheEvent) => void>();
  private metricsWanted = false;
  private stopped = false;
  private listenerErrors = 0;
  private readonly strategies: ReadonlyMap<string, AuthenticationStrategy>;
  private readonly localClusters: ClusterDefinition[];
  private firstClusterRefresh?: Promise<void>;
  private clusterRefreshTimer?: NodeJS.Timeout;

  static fromConfig(
    config: Config,
    options: {
      logger: LoggerService;
      settings?: Partial<CacheSettings>;
      /** default: a map of its own from {@link createAuthStrategies} */
      authStrategies?: ReadonlyMap<string, AuthenticationStrategy>;
    },
  ): DefaultKubernetesInformerCache {
    const strategies =
      options.authStrategies ??
      createAuthStrategies({ config, logger: options.logger });
    const warn = (m: string) => options.logger.warn(m);
    return new DefaultKubernetesInformerCache({
      logger: options.logger,
      clusters: readClusters(config, strategies, warn),
      localClusters: readKubeconfigClusters(config),
      authStrategies: strategies,
      settings: { ...readSettings(config, warn), ...options.settings },
    });
  }

  constructor(options: InformerCacheOptions) {
    this.logger = options.logger;
    this.settings = {
      ...DEFAULT_SETTINGS,
      ...options.settings,
      backoff: { ...DEFAULT_SETTINGS.backoff, ...options.settings?.backoff },
    };
    this.strategies = options.authStrategies ?? new Map();
    this.localClusters = options.localClusters ?? [];
    for (const def of options.clusters) {
      this.clusters.set(def.name, this.runtime(def));
    }
  }

  private runtime(def: ClusterDefinition): ClusterRuntime {
    return {
      def,
      client: def.authenticate
        ? new KubeClient(def.url ?? '', def.authenticate)
        : undefined,
      watchers: new Map(),
      synced: false,
      stale: false,
    };
  }

  /**
   * Takes the clusters from the official Kubernetes backend's locators from
   * now on (plus the kubeconfig contexts): asked now and every
   * `clusterRefreshMs`; clusters that appear are watched for every
   * registered kind, those that disappear or change are dropped (and a
   * changed one watched again). A failed answer keeps the current clusters.
   */
  useClusterSupplier(source: ClusterSource): void {
    if (this.stopped || this.firstClusterRefresh) return;
    const refresh = async () => {
      try {
        const details = await source.getClusters();
        if (this.stopped) return;
        this.setClusters([
          ...details.map(d => clusterFromDetails(d, this.strategies)),
          ...this.localClusters,
        ]);
      } catch (e) {
        this.logger.warn(
          `kubernetes-informer-cache: the Kubernetes plugin's cluster locators failed, keeping the current clusters: ${e}`,
        );
      }
    };
    this.firstClusterRefresh = refresh();
    const timer = setInterval(refresh, this.settings.clusterRefreshMs);
    timer.unref();
    this.clusterRefreshTimer = timer;
  }

  private setClusters(definitions: ClusterDefinition[]): void {
    const wanted = new Map(
      uniqueClusters(definitions, m => this.logger.warn(m)).map(d => [
        d.name,
        d,
      ]),
    );
    for (const [name, cluster] of this.clusters) {
      const next = wanted.get(name);
      if (next && next.identity === cluster.def.identity) continue;
      this.stopCluster(cluster);
      this.clusters.delete(name);
      if (!next) {
        this.logger.info(`kubernetes-informer-cache: cluster ${name} removed`);
      }
    }
    for (const def of wanted.values()) {
      if (this.clusters.has(def.name)) continue;
      const cluster = this.runtime(def);
      this.clusters.set(def.name, cluster);
      this.logger.info(
        `kubernetes-informer-cache: cluster ${def.name} (${def.authProvider}) ${
          cluster.client ? 'watched' : def.reason
        }`,
      );
      if (!cluster.client) continue;
      for (const kind of this.details.keys()) this.startWatcher(cluster, kind);
      if (this.metricsWanted) this.startMetrics(cluster);
    }
  }

  private stopCluster(cluster: ClusterRuntime): void {
    for (const w of cluster.watchers.values()) w.stop();
    cluster.metrics?.stop();
    cluster.client?.close();
  }

  register(interest: CacheInterest): void {
    if (this.stopped) return;
    const widened: CachedKind[] = [];
    const added: CachedKind[] = [];
    for (const kind of interest.kinds) {
      if (!KIND_DEFINITIONS[kind]) {
        this.logger.warn(`kubernetes-informer-cache: unknown kind '${kind}'`);
        continue;
      }
      const current = this.details.get(kind);
      if (current === undefined) {
        this.details.set(kind, interest.detail);
        added.push(kind);
      } else if (current === 'trimmed' && interest.detail === 'full') {
        this.details.set(kind, 'full');
        widened.push(kind);
      }
    }
    for (const cluster of this.clusters.values()) {
      if (!cluster.client) continue;
      for (const kind of added) this.startWatcher(cluster, kind);
      for (const kind of widened) {
        const watcher = cluster.watchers.get(kind);
        if (watcher) {
          watcher.store.detail = 'full';
          watcher.relist();
        }
      }
    }
    if (interest.metrics && !this.metricsWanted) {
      this.metricsWanted = true;
      for (const cluster of this.clusters.values()) this.startMetrics(cluster);
    }
  }

  private startWatcher(cluster: ClusterRuntime, kind: CachedKind): void {
    const store = new KindStore(kind, this.details.get(kind) ?? 'trimmed');
    const name = cluster.def.name;
    const watcher = new KindWatcher(
      KIND_DEFINITIONS[kind],
      cluster.client!,
      store,
      {
        pageSize: this.settings.pageSize,
        backoff: this.settings.backoff,
        resyncIntervalMs: this.settings.resyncIntervalMs,
        watchTimeoutSeconds: this.settings.watchTimeoutSeconds,
      },
      {
        onObject: (type, object) => {
          if (this.listeners.size > 0) {
            this.emit({ type, cluster: name, kind, object });
          }
        },
        onState: change => this.onKindState(cluster, kind, change),
      },
    );
    cluster.watchers.set(kind, watcher);
    cluster.synced = false;
    watcher.start();
  }

  private startMetrics(cluster: ClusterRuntime): void {
    if (!cluster.client || cluster.metrics || this.stopped) return;
    const poller = new MetricsPoller(
      cluster.client,
      {
        intervalMs: this.settings.metricsIntervalMs,
        concurrency: this.settings.statsConcurrency,
        podQueryIdleMs: this.settings.podQueryIdleMs,
      },
      () => [...(cluster.watchers.get('nodes')?.store.keys() ?? [])],
      () => {
        if (poller.error) {
          this.logger.debug(`kubernetes-informer-cache: ${poller.error}`);
        }
        this.emit({ type: 'METRICS', cluster: cluster.def.name });
      },
      this.diskSource(cluster),
    );
    cluster.metrics = poller;
    poller.start();
  }

  private diskSource(cluster: ClusterRuntime): DiskSource | undefined {
    const disk = this.settings.diskUsage;
    if (disk.source === 'prometheus') {
      return new PrometheusDiskSource({
        url: disk.url,
        nodeLabels: disk.nodeLabels,
        ...(disk.clusterLabel && {
          cluster: { label: disk.clusterLabel, value: cluster.def.name },
        }),
      });
    }
    if (disk.source === 'kubeletStats') {
      return new KubeletStatsDiskSource(cluster.client!, {
        concurrency: this.settings.statsConcurrency,
        maxNodesPerRound: this.settings.statsMaxNodesPerRound,
      });
    }
    return undefined;
  }

  private onKindState(
    cluster: ClusterRuntime,
    kind: CachedKind,
    change: 'SYNCED' | 'STALE' | 'RECOVERED' | 'TOUCH',
  ): void {
    const name = cluster.def.name;
    const watcher = cluster.watchers.get(kind);
    if (change === 'STALE') {
      this.logger.warn(
        `kubernetes-informer-cache: cluster ${name} ${kind} watch broken: ${watcher?.error}`,
      );
      this.emit({ type: 'STALE', cluster: name, kind, error: watcher?.error });
    } else if (change === 'RECOVERED') {
      this.logger.info(
        `kubernetes-informer-cache: cluster ${name} ${kind} recovered`,
      );
      this.emit({ type: 'RECOVERED', cluster: name, kind });
    } else if (change === 'SYNCED') {
      this.emit({ type: 'SYNCED', cluster: name, kind });
    }
    const watchers = [...cluster.watchers.values()];
    const synced = watchers.length > 0 && watchers.every(w => w.listed);
    const stale = watchers.some(w => w.stale);
    if (synced && !cluster.synced) {
      cluster.synced = true;
      this.logger.info(
        `kubernetes-informer-cache: cluster ${name} synced (${watchers.length} kinds)`,
      );
      this.emit({ type: 'SYNCED', cluster: name });
    }
    if (stale !== cluster.stale) {
      cluster.stale = stale;
      const error = this.clusterError(cluster);
      this.emit(
        stale
          ? { type: 'STALE', cluster: name, error }
          : { type: 'RECOVERED', cluster: name },
      );
    }
  }

  private clusterError(cluster: ClusterRuntime): string | undefined {
    const errors = [...cluster.watchers.values()]
      .map(w => w.error)
      .filter((e): e is string => e !== undefined);
    if (errors.length === 0) return undefined;
    return errors.length === 1
      ? errors[0]
      : `${errors[0]} (and ${errors.length - 1} more kinds)`;
  }

  private emit(event: CacheEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (e) {
        // a subscriber's bug must not break the cache; log the first few
        if (this.listenerErrors++ < 10) {
          this.logger.warn(
            `kubernetes-informer-cache: subscriber threw on ${event.type}: ${e}`,
          );
        }
      }
    }
  }

  listClusters(): ClusterCacheState[] {
    return [...this.clusters.values()].map(c => this.state(c));
  }

  getCluster(name: string): ClusterCacheState | undefined {
    const c = this.clusters.get(name);
    return c ? this.state(c) : undefined;
  }

  private state(c: ClusterRuntime): ClusterCacheState {
    const base = {
      name: c.def.name,
      authProvider: c.def.authProvider,
      ...(c.def.url && { url: c.def.url }),
    };
    if (!c.client) {
      return {
        ...base,
        synced: false,
        stale: false,
        watched: false,
        error: c.def.reason,
      };
    }
    const kinds: Partial<Record<CachedKind, KindCacheState>> = {};
    let lastSyncAt: string | undefined;
    for (const [kind, w] of c.watchers) {
      kinds[kind] = {
        synced: w.listed,
        stale: w.stale,
        detail: w.store.detail,
        count: w.store.size,
        ...(w.error && { error: w.error }),
      };
      if (w.lastSyncAt && (!lastSyncAt || w.lastSyncAt > lastSyncAt)) {
        lastSyncAt = w.lastSyncAt;
      }
    }
    const error = this.clusterError(c);
    return {
      ...base,
      synced: c.synced,
      stale: c.stale,
      watched: true,
      ...(lastSyncAt && { lastSyncAt }),
      ...(error && { error }),
      kinds,
      ...(c.metrics?.lastRoundAt && { metricsAt: c.metrics.lastRoundAt }),
      ...(c.metrics?.error && { metricsError: c.metrics.error }),
    };
  }

  list(
    cluster: string,
    kind: CachedKind,
    filter?: {
      namespace?: string;
      labelSelector?: Record<string, string> | string;
    },
  ): CachedObject[] {
    const store = this.clusters.get(cluster)?.watchers.get(kind)?.store;
    if (!store) return [];
    let requirements: LabelRequirement[] | undefined;
    if (filter?.labelSelector !== undefined) {
      requirements = toLabelRequirements(filter.labelSelector);
    }
    const namespace = KIND_DEFINITIONS[kind].namespaced
      ? filter?.namespace
      : undefined;
    return store.list(namespace, requirements);
  }

  get(
    cluster: string,
    kind: CachedKind,
    namespace: string | undefined,
    name: string,
  ): CachedObject | undefined {
    return this.clusters
      .get(cluster)
      ?.watchers.get(kind)
      ?.store.get(
        KIND_DEFINITIONS[kind]?.namespaced ? namespace : undefined,
        name,
      );
  }

  nodeUsage(cluster: string): ReadonlyMap<string, NodeUsage> {
    return this.clusters.get(cluster)?.metrics?.nodeUsage ?? EMPTY_MAP;
  }

  async podUsage(
    cluster: string,
    query: { namespace: string; labelSelector?: string },
  ): Promise<PodUsageSnapshot> {
    const poller = this.clusters.get(cluster)?.metrics;
    if (!poller) {
      throw new Error(
        `kubernetes-informer-cache: no metrics are polled for cluster ${cluster}`,
      );
    }
    return poller.podUsage(query.namespace, query.labelSelector);
  }

  subscribe(listener: (event: CacheEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  async ready(): Promise<void> {
    await this.firstClusterRefresh;
    const firsts: Promise<void>[] = [];
    for (const c of this.clusters.values()) {
      for (const w of c.watchers.values()) firsts.push(w.firstAttempt);
    }
    await Promise.all(firsts);
  }

  /** Stops every watch and poller (root lifecycle shutdown). */
  stop(): void {
    this.stopped = true;
    clearInterval(this.clusterRefreshTimer);
    for (const c of this.clusters.values()) this.stopCluster(c);
    this.listeners.clear();
  }
}
