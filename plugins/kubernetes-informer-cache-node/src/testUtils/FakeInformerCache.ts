import type {
  CacheEvent,
  CacheInterest,
  CachedKind,
  CachedObject,
  ClusterCacheState,
  KubernetesInformerCache,
  NodeUsage,
  PodUsage,
  PodUsageSnapshot,
} from '../types';
import { matchesLabelSelector } from '../labelSelector';

const key = (o: CachedObject) =>
  `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

/**
 * An in-memory {@link KubernetesInformerCache} for unit tests of consumers:
 * `addCluster`, `put`/`remove` objects (subscribers get the events),
 * `setNodeUsage`, `setPodUsage`, `setClusterState`; `interests` records
 * `register()` calls.
 *
 * @public
 */
export class FakeInformerCache implements KubernetesInformerCache {
  readonly interests: CacheInterest[] = [];
  readonly clusters = new Map<string, ClusterCacheState>();
  private readonly objects = new Map<string, Map<string, CachedObject>>();
  private readonly usage = new Map<string, Map<string, NodeUsage>>();
  private readonly podUsages = new Map<string, PodUsage[]>();
  private readonly listeners = new Set<(e: CacheEvent) => void>();

  addCluster(name: string, state: Partial<ClusterCacheState> = {}) {
    this.clusters.set(name, {
      name,
      authProvider: 'serviceAccount',
      synced: true,
      stale: false,
      lastSyncAt: '2026-11-21T10:00:00.000Z',
      ...state,
    });
  }

  setClusterState(name: string, state: Partial<ClusterCacheState>) {
    this.clusters.set(name, { ...this.clusters.get(name)!, ...state });
    this.emit({ type: state.stale ? 'STALE' : 'RECOVERED', cluster: name });
  }

  private bucket(cluster: string, kind: CachedKind) {
    const k = `${cluster}|${kind}`;
    let b = this.objects.get(k);
    if (!b) {
      b = new Map();
      this.objects.set(k, b);
    }
    return b;
  }

  put(cluster: string, kind: CachedKind, object: CachedObject) {
    const b = this.bucket(cluster, kind);
    const type = b.has(key(object)) ? 'MODIFIED' : 'ADDED';
    b.set(key(object), object);
    this.emit({ type, cluster, kind, object });
  }

  remove(cluster: string, kind: CachedKind, object: CachedObject) {
    this.bucket(cluster, kind).delete(key(object));
    this.emit({ type: 'DELETED', cluster, kind, object });
  }

  setNodeUsage(
    cluster: string,
    nodeName: string,
    usage: Omit<NodeUsage, 'timestamp'>,
  ) {
    if (!this.usage.has(cluster)) this.usage.set(cluster, new Map());
    this.usage
      .get(cluster)!
      .set(nodeName, { ...usage, timestamp: new Date().toISOString() });
    this.emit({ type: 'METRICS', cluster });
  }

  /** The pod usage `podUsage` answers for a cluster (any selector). */
  setPodUsage(cluster: string, items: PodUsage[]) {
    this.podUsages.set(cluster, items);
  }

  emit(event: CacheEvent) {
    for (const l of this.listeners) l(event);
  }

  register(interest: CacheInterest) {
    this.interests.push(interest);
  }
  listClusters() {
    return [...this.clusters.values()];
  }
  getCluster(name: string) {
    return this.clusters.get(name);
  }
  list(
    cluster: string,
    kind: CachedKind,
    filter?: {
      namespace?: string;
      labelSelector?: Record<string, string> | string;
    },
  ) {
    return [...this.bucket(cluster, kind).values()].filter(
      o =>
        (!filter?.namespace || o.metadata.namespace === filter.namespace) &&
        (filter?.labelSelector === undefined ||
          matchesLabelSelector(o.metadata.labels, filter.labelSelector)),
    );
  }
  get(
    cluster: string,
    kind: CachedKind,
    namespace: string | undefined,
    name: string,
  ) {
    return this.bucket(cluster, kind).get(`${namespace ?? ''}/${name}`);
  }
  nodeUsage(cluster: string): ReadonlyMap<string, NodeUsage> {
    return this.usage.get(cluster) ?? new Map();
  }
  async podUsage(
    cluster: string,
    query: { namespace: string; labelSelector?: string },
  ): Promise<PodUsageSnapshot> {
    const items = (this.podUsages.get(cluster) ?? []).filter(
      p => p.namespace === query.namespace,
    );
    return { items, at: new Date(0).toISOString() };
  }
  subscribe(listener: (event: CacheEvent) => void) {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
  async ready() {}
}
