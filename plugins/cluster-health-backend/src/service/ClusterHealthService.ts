import { LRUCache } from 'lru-cache';
import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  ClusterHealthSignal,
  ClusterSummary,
  DeploymentHistory,
  HealthReason,
  NodePoolSummary,
  NodeRow,
  WorkloadHealth,
  deploymentHistory,
  evaluateCluster,
  evaluateWorkload,
} from '@fdp/plugin-cluster-health-common';
import { HpaLike, VpaLike, hpaAndVpaOnCpu } from '@fdp/plugin-manifests-common';
import type {
  CacheEvent,
  CachedKind,
  CachedObject,
  ClusterCacheState,
  KubernetesInformerCache,
} from '@fdp/plugin-kubernetes-informer-cache-node';
import { JsonBody, jsonBody } from '@fdp/platform-node';
import { ClusterHealthConfig } from '../config';
import { ClusterAggregates } from './ClusterAggregates';
import { clusterErrorMessage } from './clusterErrorMessage';

/** The kinds cluster health reads, trimmed to the fields it uses. */
export const CLUSTER_HEALTH_KINDS: CachedKind[] = [
  'nodes',
  'pods',
  'deployments',
  'replicasets',
  'horizontalpodautoscalers',
  'verticalpodautoscalers',
];

interface ClusterState {
  aggregates: ClusterAggregates;
  summary?: ClusterSummary;
  /** the node-pools response body of `summary`, serialised on first read */
  poolsBody?: JsonBody;
  /** pool summaries as JSON, to tell which pools changed */
  poolJson: Map<string, string>;
  timer?: NodeJS.Timeout;
  workloadsChanged: boolean;
}

export interface ClusterHealthServiceOptions {
  cache: KubernetesInformerCache;
  config: ClusterHealthConfig;
  logger: LoggerService;
  /** called with every snapshot change (the plugin publishes it as a signal) */
  onChange?: (signal: ClusterHealthSignal) => void;
  now?: () => Date;
}

/**
 * Keeps a precomputed health snapshot per cluster, updated from the shared
 * informer cache's events (batched by `debounceMs`), so a request only reads
 * it. Workloads are read from the cache per request, filtered by label.
 */
export class ClusterHealthService {
  private readonly states = new Map<string, ClusterState>();
  /** cluster names confirmed by the cache (its cluster list is static) */
  private readonly known = new Set<string>();
  /** per cluster, the cache's last error text that was logged */
  private readonly loggedErrors = new Map<string, string | undefined>();
  private unsubscribe?: () => void;
  /**
   * Entity-scoped answers, serialised once and shared by every request
   * until a workload kind or a cluster's state changes (5 s at most: an
   * HPA's "at its maximum for N min" ages).
   */
  private readonly entityBodies = new LRUCache<string, JsonBody>({
    max: 1_000,
    ttl: 5_000,
  });

  private constructor(private readonly options: ClusterHealthServiceOptions) {}

  static create(options: ClusterHealthServiceOptions): ClusterHealthService {
    return new ClusterHealthService(options);
  }

  /** Registers interest in the cache and follows its events. */
  start() {
    const { cache } = this.options;
    cache.register({
      kinds: CLUSTER_HEALTH_KINDS,
      detail: 'trimmed',
      metrics: true,
    });
    this.unsubscribe = cache.subscribe(event => this.onEvent(event));
    for (const c of cache.listClusters()) {
      this.rebuild(c.name);
    }
  }

  stop() {
    this.unsubscribe?.();
    for (const s of this.states.values()) {
      clearTimeout(s.timer);
    }
  }

  private state(cluster: string): ClusterState {
    let s = this.states.get(cluster);
    if (!s) {
      s = {
        aggregates: new ClusterAggregates(
          cluster,
          this.options.config.nodePools,
        ),
        poolJson: new Map(),
        workloadsChanged: false,
      };
      this.states.set(cluster, s);
    }
    return s;
  }

  /** Fills a cluster's aggregates from what the cache already holds (at start). */
  private rebuild(cluster: string) {
    const { cache } = this.options;
    const s = this.state(cluster);
    s.aggregates.clear();
    for (const node of cache.list(cluster, 'nodes')) {
      s.aggregates.upsertNode(node);
    }
    for (const pod of cache.list(cluster, 'pods')) {
      s.aggregates.upsertPod(pod);
    }
    this.recompute(cluster);
  }

  private onEvent(event: CacheEvent) {
    const s = this.state(event.cluster);
    if (
      event.type === 'METRICS' ||
      event.kind === 'nodes' ||
      event.kind === 'pods'
    ) {
      // nothing an entity's workloads or deploys show
    } else {
      this.entityBodies.clear();
    }
    switch (event.type) {
      case 'ADDED':
      case 'MODIFIED':
        if (event.kind === 'nodes') s.aggregates.upsertNode(event.object);
        else if (event.kind === 'pods') s.aggregates.upsertPod(event.object);
        else s.workloadsChanged = true;
        break;
      case 'DELETED':
        if (event.kind === 'nodes')
          s.aggregates.deleteNode(event.object.metadata.name);
        else if (event.kind === 'pods') s.aggregates.deletePod(event.object);
        else s.workloadsChanged = true;
        break;
      case 'SYNCED':
        // Lists (first and re-) arrive as per-object ADDED/MODIFIED/DELETED
        // events, which the aggregates already follow: no rebuild here. A
        // rebuild would parse every cached pod (whole objects for the
        // Kubernetes tab) on each SYNCED, for nothing.
        s.workloadsChanged = true;
        break;
      default:
        break;
    }
    this.schedule(event.cluster);
  }

  private schedule(cluster: string) {
    const s = this.state(cluster);
    if (!s.timer) {
      s.timer = setTimeout(() => {
        s.timer = undefined;
        this.recompute(cluster);
      }, this.options.config.debounceMs);
    }
  }

  private recompute(cluster: string) {
    const { cache, config } = this.options;
    const s = this.state(cluster);
    const cacheState = cache.getCluster(cluster);
    const nodePools = s.aggregates.poolSummaries(
      cache.nodeUsage(cluster),
      config.thresholds,
    );
    const syncing = Object.entries(cacheState?.kinds ?? {})
      .filter(([, k]) => k && !k.synced)
      .map(([kind]) => kind);
    const base = {
      stale: cacheState?.stale ?? true,
      lastSyncAt: cacheState?.lastSyncAt,
      error: cacheState && this.publicError(cacheState),
      ...(syncing.length > 0 && { syncing }),
      nodePools,
    };
    const previous = s.summary;
    s.poolsBody = undefined;
    s.summary = {
      name: cluster,
      ...base,
      ...evaluateCluster(base),
      thresholds: config.thresholds,
    };

    const changedPools: string[] = [];
    for (const pool of nodePools) {
      const json = JSON.stringify(pool);
      if (s.poolJson.get(pool.name) !== json) {
        changedPools.push(pool.name);
        s.poolJson.set(pool.name, json);
      }
    }
    const headerChanged =
      previous?.status !== s.summary.status ||
      previous?.stale !== s.summary.stale ||
      previous?.syncing?.length !== s.summary.syncing?.length;
    if (changedPools.length > 0 || headerChanged || s.workloadsChanged) {
      s.workloadsChanged = false;
      this.options.onChange?.({
        type: 'snapshot-changed',
        cluster,
        pools: changedPools,
        status: s.summary.status,
        stale: s.summary.stale,
      });
    }
  }

  /**
   * The cluster's error as users see it (its name, no host or raw error);
   * the cache's full text goes to the log once per change.
   */
  private publicError(cluster: ClusterCacheState): string | undefined {
    if (this.loggedErrors.get(cluster.name) !== cluster.error) {
      this.loggedErrors.set(cluster.name, cluster.error);
      if (cluster.error) {
        this.options.logger.warn(
          `cluster-health: cluster '${cluster.name}' shown as failing: ${cluster.error}`,
        );
      }
    }
    return clusterErrorMessage(cluster);
  }

  /** Every configured cluster with its pools. */
  listClusters(): ClusterSummary[] {
    return this.options.cache
      .listClusters()
      .map(c => this.clusterSummary(c.name));
  }

  private clusterSummary(cluster: string): ClusterSummary {
    const s = this.state(cluster);
    if (!s.summary) {
      this.recompute(cluster);
    }
    return s.summary!;
  }

  private requireCluster(cluster: string) {
    if (this.known.has(cluster)) return;
    if (!this.options.cache.getCluster(cluster)) {
      throw new NotFoundError(`No cluster named '${cluster}'`);
    }
    this.known.add(cluster);
  }

  nodePools(cluster: string): NodePoolSummary[] {
    this.requireCluster(cluster);
    return this.clusterSummary(cluster).nodePools;
  }

  /**
   * {@link ClusterHealthService.nodePools} serialised: the body is built
   * once per snapshot change and shared by every request until the next,
   * since every open page polls it.
   */
  nodePoolsBody(cluster: string): JsonBody {
    const nodePools = this.nodePools(cluster);
    const s = this.state(cluster);
    if (!s.poolsBody) s.poolsBody = jsonBody(nodePools);
    return s.poolsBody;
  }

  nodes(cluster: string, pool: string): NodeRow[] {
    const pools = this.nodePools(cluster);
    if (!pools.some(p => p.name === pool)) {
      throw new NotFoundError(
        `No node pool named '${pool}' in cluster '${cluster}'`,
      );
    }
    return this.state(cluster).aggregates.nodeRows(
      pool,
      this.options.cache.nodeUsage(cluster),
      this.options.config.thresholds,
    );
  }

  /**
   * The deployments matching the labels in every readable cluster, each
   * mapped by `map`, and the clusters that could not be read (or only from
   * stale data) with why.
   */
  private forEachDeployment<T>(
    /** the Kubernetes selector syntax, e.g. `app in (a,b),tier=web` */
    labelSelector: string,
    namespace: string | undefined,
    map: (cluster: string, deployment: CachedObject) => T,
  ): { items: T[]; errors: Array<{ cluster: string; message: string }> } {
    const { cache } = this.options;
    const items: T[] = [];
    const errors: Array<{ cluster: string; message: string }> = [];
    for (const c of cache.listClusters()) {
      const error = this.publicError(c);
      if (!c.lastSyncAt) {
        errors.push({
          cluster: c.name,
          message: error ?? 'Not synchronised yet',
        });
        continue;
      }
      if (c.stale) {
        errors.push({
          cluster: c.name,
          message: `Stale since ${c.lastSyncAt}${error ? `: ${error}` : ''}`,
        });
      }
      for (const deployment of cache.list(c.name, 'deployments', {
        namespace,
        labelSelector,
      })) {
        items.push(map(c.name, deployment));
      }
    }
    return { items, errors };
  }

  /** Deployments matching the labels in every cluster, with their HPA and VPA. */
  workloads(
    /** the Kubernetes selector syntax, e.g. `app in (a,b),tier=web` */
    labelSelector: string,
    namespace?: string,
  ): {
    workloads: WorkloadHealth[];
    errors: Array<{ cluster: string; message: string }>;
  } {
    const { cache } = this.options;
    const now = this.options.now?.() ?? new Date();
    const { items, errors } = this.forEachDeployment(
      labelSelector,
      namespace,
      (cluster, deployment) => {
        const ns = deployment.metadata.namespace;
        const targets = (o: any, ref: 'scaleTargetRef' | 'targetRef') =>
          o.spec?.[ref]?.kind === 'Deployment' &&
          o.spec?.[ref]?.name === deployment.metadata.name;
        const hpa = cache
          .list(cluster, 'horizontalpodautoscalers', { namespace: ns })
          .find(o => targets(o, 'scaleTargetRef'));
        const vpa = cache
          .list(cluster, 'verticalpodautoscalers', { namespace: ns })
          .find(o => targets(o, 'targetRef'));
        return evaluateWorkload({
          cluster,
          deployment: deployment as any,
          hpa: hpa as any,
          vpa: vpa as any,
          policyReasons: policyReasons(hpa as any, vpa as any),
          now,
        });
      },
    );
    return { workloads: items, errors };
  }

  /** The latest revisions (ReplicaSets) of each deployment matching the labels in every cluster. */
  deploymentHistory(
    /** the Kubernetes selector syntax, e.g. `app in (a,b),tier=web` */
    labelSelector: string,
    namespace: string | undefined,
    limit: number,
  ): {
    deployments: DeploymentHistory[];
    errors: Array<{ cluster: string; message: string }>;
  } {
    const { cache } = this.options;
    const { items, errors } = this.forEachDeployment(
      labelSelector,
      namespace,
      (cluster, deployment) =>
        deploymentHistory(
          cluster,
          deployment,
          cache.list(cluster, 'replicasets', {
            namespace: deployment.metadata.namespace,
          }),
          limit,
        ),
    );
    return { deployments: items, errors };
  }

  /** The GET /workloads body of an entity, serialised once (see `entityBodies`). */
  workloadsBody(
    entityRef: string,
    labelSelector: string,
    namespace?: string,
  ): JsonBody {
    return this.entityBody(
      ['workloads', entityRef, labelSelector, namespace],
      () => ({
        entityRef,
        ...this.workloads(labelSelector, namespace),
      }),
    );
  }

  /** The GET /deployments/history body of an entity, serialised once (see `entityBodies`). */
  deploymentHistoryBody(
    entityRef: string,
    labelSelector: string,
    namespace: string | undefined,
    limit: number,
  ): JsonBody {
    return this.entityBody(
      ['history', entityRef, labelSelector, namespace, limit],
      () => ({
        entityRef,
        ...this.deploymentHistory(labelSelector, namespace, limit),
      }),
    );
  }

  private entityBody(key: unknown[], build: () => unknown): JsonBody {
    const k = JSON.stringify(key);
    let body = this.entityBodies.get(k);
    if (!body) {
      body = jsonBody(build());
      this.entityBodies.set(k, body);
    }
    return body;
  }
}

/**
 * The manifests policy lint on a deployment's live HPA and VPA: the same rule
 * the scaffolder and `platform-lint` apply, shown here as a warning because
 * the objects already run.
 */
function policyReasons(hpa?: HpaLike, vpa?: VpaLike): HealthReason[] {
  const finding = hpa && vpa ? hpaAndVpaOnCpu(hpa, vpa) : undefined;
  return finding
    ? [
        {
          code: 'HPA_AND_VPA_ON_CPU',
          severity: 'warning',
          message: finding.message,
        },
      ]
    : [];
}
