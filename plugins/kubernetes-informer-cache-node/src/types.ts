/**
 * The contract of the shared informer cache. One instance per backend
 * process (a root service) keeps one list+watch per cluster and kind, so
 * every plugin in the process reads the same objects without asking the API
 * servers again.
 */

/** Kinds the cache can watch, by their plural resource name. */
export type CachedKind =
  | 'nodes'
  | 'pods'
  | 'services'
  | 'configmaps'
  | 'limitranges'
  | 'resourcequotas'
  | 'deployments'
  | 'replicasets'
  | 'statefulsets'
  | 'daemonsets'
  | 'horizontalpodautoscalers'
  | 'verticalpodautoscalers'
  | 'ingresses'
  | 'jobs'
  | 'cronjobs'
  | 'backups'
  | 'schedules';

/** A Kubernetes object as JSON (whole, or trimmed by the kind's trimmer). */
export interface CachedObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    creationTimestamp?: string;
    ownerReferences?: Array<{ kind: string; name: string; uid: string }>;
    [key: string]: unknown;
  };
  spec?: any;
  status?: any;
  [key: string]: unknown;
}

/** Health of one cluster's watches. */
export interface ClusterCacheState {
  name: string;
  /** the official kubernetes backend's authProvider of this cluster */
  authProvider: string;
  /** true once every watched kind has completed its first list */
  synced: boolean;
  /** true while any watch is broken (last good data is kept) */
  stale: boolean;
  /** ISO time of the last successful list or watch event */
  lastSyncAt?: string;
  /** why the cluster is stale, in words (host:port and the error) */
  error?: string;
  /** API server URL (absent for clusters without one) */
  url?: string;
  /** true when the cache can watch this cluster with server-side auth */
  watched?: boolean;
  /** per registered kind: sync state and how objects are stored */
  kinds?: Partial<Record<CachedKind, KindCacheState>>;
  /** ISO time of the last completed metrics round */
  metricsAt?: string;
  /** why the last metrics round failed, if it did */
  metricsError?: string;
}

/** Health of one kind's watch in one cluster. */
export interface KindCacheState {
  /** the first list completed */
  synced: boolean;
  /** the watch is broken (last good data kept) */
  stale: boolean;
  /** whole objects or trimmed ones */
  detail: 'full' | 'trimmed';
  /** objects held */
  count: number;
  error?: string;
}

/** Node usage from metrics.k8s.io and the kubelet stats summary. */
export interface NodeUsage {
  cpuMillis?: number;
  memoryBytes?: number;
  diskUsedBytes?: number;
  diskCapacityBytes?: number;
  /** ISO time of the sample */
  timestamp: string;
}

/** Pod usage from metrics.k8s.io, per container. */
export interface PodUsage {
  namespace: string;
  name: string;
  containers: Array<{
    name: string;
    cpuMillis: number;
    memoryBytes: number;
    /** the raw metrics.k8s.io quantities, e.g. `{ cpu: '504986041n', memory: '1266656Ki' }` */
    usage?: { cpu: string; memory: string };
  }>;
  timestamp: string;
}

/** The usage of the pods one pod-metrics query matched, and when it was read. */
export interface PodUsageSnapshot {
  items: PodUsage[];
  /** ISO time of the request */
  at: string;
}

/** A change in the cache, delivered to subscribers after it is applied. */
export type CacheEvent =
  | {
      type: 'ADDED' | 'MODIFIED' | 'DELETED';
      cluster: string;
      kind: CachedKind;
      object: CachedObject;
    }
  | {
      type: 'SYNCED' | 'STALE' | 'RECOVERED';
      cluster: string;
      kind?: CachedKind;
      error?: string;
    }
  | { type: 'METRICS'; cluster: string };

/** What a consumer registers: which kinds it needs, whole or trimmed. */
export interface CacheInterest {
  kinds: CachedKind[];
  /**
   * 'full' keeps whole objects (e.g. the official Kubernetes tab shows them
   * in drawers); 'trimmed' keeps only the fields the cache's trimmer keeps.
   */
  detail: 'full' | 'trimmed';
  /** poll metrics.k8s.io and the kubelet stats summary */
  metrics?: boolean;
}

export interface KubernetesInformerCache {
  /**
   * Declares interest in kinds; the cache starts (or widens) its watches.
   * Call at plugin init; safe to call several times.
   */
  register(interest: CacheInterest): void;
  /** The clusters of the Kubernetes plugin's locators (and kubeconfig contexts) and their watch health. */
  listClusters(): ClusterCacheState[];
  getCluster(name: string): ClusterCacheState | undefined;
  /** Objects of a kind in a cluster (optionally one namespace / a label selector match). */
  list(
    cluster: string,
    kind: CachedKind,
    filter?: {
      namespace?: string;
      /** equality map, or the Kubernetes string syntax `a=b,c in (d)` */
      labelSelector?: Record<string, string> | string;
    },
  ): CachedObject[];
  get(
    cluster: string,
    kind: CachedKind,
    namespace: string | undefined,
    name: string,
  ): CachedObject | undefined;
  nodeUsage(cluster: string): ReadonlyMap<string, NodeUsage>;
  /**
   * Usage of the running pods in a namespace matching a label selector
   * (needs `metrics` registered). The first ask fetches it; the query
   * is then refreshed every metrics round while it keeps being asked for, so
   * later asks answer from memory. Rejects when the fetch fails.
   */
  podUsage(
    cluster: string,
    query: { namespace: string; labelSelector?: string },
  ): Promise<PodUsageSnapshot>;
  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe(listener: (event: CacheEvent) => void): () => void;
  /** Resolves when every registered kind of every cluster has synced or failed once. */
  ready(): Promise<void>;
}
