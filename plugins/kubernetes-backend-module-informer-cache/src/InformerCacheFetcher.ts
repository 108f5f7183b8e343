import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CachedKind,
  CachedObject,
  ClusterCacheState,
  KIND_DEFINITIONS,
  KubernetesInformerCache,
  findCachedKind,
  parseLabelSelector,
  LabelRequirement,
  PodUsageSnapshot,
} from '@fdp/plugin-kubernetes-informer-cache-node';
import type {
  ClusterDetails,
  FetchResponseWrapper,
  KubernetesCredential,
  KubernetesFetcher,
  ObjectFetchParams,
  ObjectToFetch,
} from '@backstage/plugin-kubernetes-node';
import type { FetchResponse } from '@backstage/plugin-kubernetes-common';
import { topPods } from '@kubernetes/client-node';
import { withoutClusterUrls } from './withoutClusterUrls';

const AUTH_PROVIDER = 'kubernetes.io/auth-provider';

/** Options of {@link InformerCacheFetcher}. */
export interface InformerCacheFetcherOptions {
  cache: KubernetesInformerCache;
  /** the official backend's default fetcher, created on first use */
  getDefault: () => Promise<KubernetesFetcher>;
  logger: LoggerService;
}

function normaliseUrl(url: string | undefined): string {
  return (url ?? '').replace(/\/+$/, '');
}

/** `namespace/name` order, the order a LIST returns. */
function byKey(a: CachedObject, b: CachedObject): number {
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
  if (ka < kb) return -1;
  return ka > kb ? 1 : 0;
}

/** The path the default fetcher requests (and names in its errors). */
function resourcePath(o: ObjectToFetch, namespace?: string): string {
  const e = encodeURIComponent;
  let path = o.group
    ? `/apis/${e(o.group)}/${e(o.apiVersion)}`
    : `/api/${e(o.apiVersion)}`;
  if (namespace) path += `/namespaces/${e(namespace)}`;
  return `${path}/${e(o.plural)}`;
}

/**
 * A `KubernetesFetcher` answering from the shared informer cache for the
 * clusters and kinds the cache holds whole and fresh, and passing everything
 * else to the official default fetcher. Answers have exactly the shape and
 * order of the default fetcher's.
 */
export class InformerCacheFetcher implements KubernetesFetcher {
  private readonly cache: KubernetesInformerCache;
  private readonly getDefaultFetcher: () => Promise<KubernetesFetcher>;
  private readonly logger: LoggerService;
  private defaultFetcher?: Promise<KubernetesFetcher>;

  constructor(options: InformerCacheFetcherOptions) {
    this.cache = options.cache;
    this.getDefaultFetcher = options.getDefault;
    this.logger = options.logger;
  }

  private fallback(): Promise<KubernetesFetcher> {
    if (!this.defaultFetcher) {
      this.defaultFetcher = this.getDefaultFetcher().then(f =>
        withoutClusterUrls(f, this.logger),
      );
      this.defaultFetcher.catch(() => {
        this.defaultFetcher = undefined;
      });
    }
    return this.defaultFetcher;
  }

  /** The cache state of a cluster when the cache may answer for it. */
  servedCluster(clusterDetails: ClusterDetails): ClusterCacheState | undefined {
    const state = this.cache.getCluster(clusterDetails.name);
    if (!state || state.watched === false || !state.synced || state.stale) {
      return undefined;
    }
    const authProvider = clusterDetails.authMetadata?.[AUTH_PROVIDER];
    if (authProvider !== state.authProvider) return undefined;
    if (normaliseUrl(state.url) !== normaliseUrl(clusterDetails.url)) {
      return undefined;
    }
    return state;
  }

  /** The cached kind for an object type, when held whole and fresh. */
  private servedKind(
    state: ClusterCacheState,
    o: ObjectToFetch,
  ): CachedKind | undefined {
    const kind = findCachedKind(o.group, o.apiVersion, o.plural);
    if (!kind) return undefined;
    const k = state.kinds?.[kind];
    if (!k || !k.synced || k.stale || k.detail !== 'full') return undefined;
    return kind;
  }

  private parseSelector(selector?: string): LabelRequirement[] | undefined {
    try {
      return parseLabelSelector(selector ?? '');
    } catch {
      return undefined;
    }
  }

  private listFromCache(
    cluster: string,
    kind: CachedKind,
    namespace: string | undefined,
    selector: string | undefined,
  ): CachedObject[] {
    return this.cache
      .list(cluster, kind, {
        namespace,
        ...(selector && { labelSelector: selector }),
      })
      .sort(byKey);
  }

  async fetchObjectsForService(
    params: ObjectFetchParams,
  ): Promise<FetchResponseWrapper> {
    const state = this.servedCluster(params.clusterDetails);
    const requirements = this.parseSelector(params.labelSelector);
    if (!state || !requirements) {
      return (await this.fallback()).fetchObjectsForService(params);
    }
    const items: ObjectToFetch[] = [
      ...Array.from(params.objectTypesToFetch),
      ...params.customResources,
    ];
    const kinds = items.map(o => this.servedKind(state, o));
    const delegated = items.filter((_, i) => !kinds[i]);
    if (delegated.length === items.length && items.length > 0) {
      return (await this.fallback()).fetchObjectsForService(params);
    }

    let delegatedResults: Array<FetchResponse | undefined> = [];
    let delegatedErrors: FetchResponseWrapper['errors'] = [];
    if (delegated.length > 0) {
      const standard = new Set(
        Array.from(params.objectTypesToFetch).filter(o =>
          delegated.includes(o),
        ),
      );
      const custom = params.customResources.filter(o => delegated.includes(o));
      const result = await (
        await this.fallback()
      ).fetchObjectsForService({
        ...params,
        objectTypesToFetch: standard,
        customResources: custom,
      });
      const aligned = this.align(delegated, result, params.namespace);
      if (!aligned) {
        // cannot tell which answer belongs to which type: let the default do all
        return (await this.fallback()).fetchObjectsForService(params);
      }
      delegatedResults = aligned;
      delegatedErrors = result.errors;
    }

    const responses: FetchResponse[] = [];
    let d = 0;
    items.forEach((o, i) => {
      const kind = kinds[i];
      if (!kind) {
        const r = delegatedResults[d++];
        if (r) responses.push(r);
        return;
      }
      let resources: any[] = this.listFromCache(
        params.clusterDetails.name,
        kind,
        params.namespace,
        params.labelSelector,
      );
      if (o.objectType === 'customresources') {
        const objectKind = KIND_DEFINITIONS[kind].objectKind;
        resources = resources.map(r => ({ ...r, kind: objectKind }));
      }
      responses.push({ type: o.objectType, resources } as FetchResponse);
    });
    return { errors: delegatedErrors, responses };
  }

  /**
   * Matches the default fetcher's answers to the delegated types: a type
   * with an error naming its path got no response; the others take the
   * responses in order. Undefined when they do not line up.
   */
  private align(
    delegated: ObjectToFetch[],
    result: FetchResponseWrapper,
    namespace: string | undefined,
  ): Array<FetchResponse | undefined> | undefined {
    const out: Array<FetchResponse | undefined> = [];
    let next = 0;
    for (const o of delegated) {
      const path = resourcePath(o, namespace);
      const failed = result.errors.some(
        e => 'resourcePath' in e && !!e.resourcePath?.endsWith(path),
      );
      if (failed) {
        out.push(undefined);
        continue;
      }
      const r = result.responses[next++];
      if (!r || r.type !== o.objectType) return undefined;
      out.push(r);
    }
    return next === result.responses.length ? out : undefined;
  }

  async fetchPodMetricsByNamespaces(
    clusterDetails: ClusterDetails,
    credential: KubernetesCredential,
    namespaces: Set<string>,
    labelSelector?: string,
  ): Promise<FetchResponseWrapper> {
    const fallback = async () =>
      (await this.fallback()).fetchPodMetricsByNamespaces(
        clusterDetails,
        credential,
        namespaces,
        labelSelector,
      );
    const state = this.servedCluster(clusterDetails);
    const pods = state?.kinds?.pods;
    const served =
      state &&
      pods?.synced &&
      !pods.stale &&
      pods.detail === 'full' &&
      this.parseSelector(labelSelector) !== undefined;
    if (!served) return fallback();
    const cluster = clusterDetails.name;
    let snapshots: PodUsageSnapshot[];
    try {
      // one metrics.k8s.io request per namespace on the first ask, then
      // refreshed by the cache's metrics rounds while the tab stays open
      snapshots = await Promise.all(
        [...namespaces].map(namespace =>
          this.cache.podUsage(cluster, { namespace, labelSelector }),
        ),
      );
    } catch (e) {
      this.logger.debug(
        `pod metrics of ${cluster} not in the informer cache (${e}); using the default fetcher`,
      );
      return fallback();
    }
    const responses: FetchResponse[] = [];
    const pending: ReturnType<typeof computeTop>[] = [];
    [...namespaces].forEach((namespace, i) => {
      const usage = new Map(snapshots[i].items.map(u => [u.name, u]));
      const podList = this.listFromCache(
        cluster,
        'pods',
        namespace,
        labelSelector,
      );
      const items = podList.flatMap(pod => {
        const u = usage.get(pod.metadata.name);
        if (!u) return [];
        return [
          {
            metadata: { name: u.name, namespace: u.namespace },
            timestamp: u.timestamp,
            containers: u.containers.map(c => ({
              name: c.name,
              usage: c.usage ?? {
                cpu: `${Math.round(c.cpuMillis * 1e6)}n`,
                memory: `${c.memoryBytes}`,
              },
            })),
          },
        ];
      });
      pending.push(computeTop(podList, items));
    });
    for (const resources of await Promise.all(pending)) {
      responses.push({ type: 'podstatus', resources });
    }
    return { errors: [], responses };
  }
}

/** The computation the default fetcher does on its two LISTs, on cached data. */
function computeTop(podList: CachedObject[], metrics: unknown[]) {
  return topPods(
    { listPodForAllNamespaces: async () => ({ items: podList }) } as any,
    { getPodMetrics: async () => ({ items: metrics }) } as any,
  );
}
