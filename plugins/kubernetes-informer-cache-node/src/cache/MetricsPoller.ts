/**
 * Polls metrics.k8s.io (node and pod CPU/memory) and node disk (from
 * Prometheus or the kubelet stats summary, see `../disk`) of one cluster.
 *
 * Pod metrics are not polled cluster-wide: at 150,000 pods one
 * `metrics.k8s.io` list is ~55 MB of JSON every round, held by nobody but the
 * Kubernetes tab, which shows a handful of pods. Instead each
 * namespace + label selector a consumer asks for ({@link MetricsPoller.podUsage})
 * is fetched once at once and then refreshed every round while it keeps being
 * asked for (dropped after `podQueryIdleMs`): the API-server load grows with
 * the number of services being looked at, not with the number of viewers.
 */
import pLimit from 'p-limit';
import { KubeClient } from '../client/KubeClient';
import { DiskSource } from '../disk/DiskSource';
import { cpuToMillis, memoryToBytes } from '../quantity';
import { NodeUsage, PodUsage, PodUsageSnapshot } from '../types';

export interface MetricsSettings {
  intervalMs: number;
  /** pod-metrics queries in flight at once */
  concurrency: number;
  /** a pod-metrics query not asked for this long is no longer refreshed */
  podQueryIdleMs: number;
}

interface PodQuery {
  namespace: string;
  labelSelector: string;
  lastAskedAt: number;
  snapshot?: PodUsageSnapshot;
  inflight?: Promise<PodUsageSnapshot>;
}

function toPodUsage(item: any, now: string): PodUsage | undefined {
  const name = item?.metadata?.name;
  const namespace = item?.metadata?.namespace;
  if (typeof name !== 'string' || typeof namespace !== 'string') {
    return undefined;
  }
  return {
    namespace,
    name,
    containers: (item.containers ?? []).map((c: any) => ({
      name: c.name,
      cpuMillis: cpuToMillis(c.usage?.cpu) ?? 0,
      memoryBytes: memoryToBytes(c.usage?.memory) ?? 0,
      usage: {
        cpu: String(c.usage?.cpu),
        memory: String(c.usage?.memory),
      },
    })),
    timestamp: item.timestamp ?? now,
  };
}

export class MetricsPoller {
  readonly nodeUsage = new Map<string, NodeUsage>();
  lastRoundAt?: string;
  error?: string;
  private readonly podQueries = new Map<string, PodQuery>();

  private stopped = false;
  private timer?: ReturnType<typeof setTimeout>;
  private abort = new AbortController();

  constructor(
    private readonly client: KubeClient,
    private readonly settings: MetricsSettings,
    /** names of known nodes (from the node watch, if any) */
    private readonly knownNodes: () => string[],
    private readonly onRound: () => void,
    /** node disk usage; none when `diskUsage.source` is `none` */
    private readonly disk?: DiskSource,
  ) {}

  start(): void {
    void this.loop();
  }

  stop(): void {
    this.stopped = true;
    this.abort.abort();
    if (this.timer) clearTimeout(this.timer);
  }

  private async loop(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.round();
    } catch (e) {
      this.error = `${this.client.hostPort}: metrics: ${
        e instanceof Error ? e.message : String(e)
      }`;
    }
    if (this.stopped) return;
    try {
      this.onRound();
    } catch {
      // listeners are guarded by the cache; never let them stop polling
    }
    this.timer = setTimeout(() => void this.loop(), this.settings.intervalMs);
    this.timer.unref?.();
  }

  /** One polling round; exposed for tests and scripts. */
  async round(): Promise<void> {
    const signal = this.abort.signal;
    const errors: string[] = [];
    const now = new Date().toISOString();

    try {
      const nodes = await this.client.getJson(
        '/apis/metrics.k8s.io/v1beta1/nodes',
        { signal, timeoutMs: 30_000 },
      );
      const seen = new Set<string>();
      for (const item of nodes?.items ?? []) {
        const name = item?.metadata?.name;
        if (typeof name !== 'string') continue;
        seen.add(name);
        const previous = this.nodeUsage.get(name);
        this.nodeUsage.set(name, {
          ...previous,
          cpuMillis: cpuToMillis(item.usage?.cpu),
          memoryBytes: memoryToBytes(item.usage?.memory),
          timestamp: item.timestamp ?? now,
        });
      }
      const known = new Set(this.knownNodes());
      for (const name of [...this.nodeUsage.keys()]) {
        if (!seen.has(name) && !known.has(name)) {
          this.nodeUsage.delete(name);
        }
      }
    } catch (e) {
      errors.push(`node metrics: ${(e as Error).message}`);
    }

    const nowMs = Date.now();
    for (const [key, q] of this.podQueries) {
      if (nowMs - q.lastAskedAt > this.settings.podQueryIdleMs) {
        this.podQueries.delete(key);
      }
    }
    const queries = [...this.podQueries.values()].filter(q => !q.inflight);
    const podFailures = await this.eachCounted(queries, 'queries', async q => {
      await this.fetchPods(q);
    });
    if (podFailures) {
      errors.push(`pod metrics failed for ${podFailures}`);
    }

    if (this.disk) {
      const names = [
        ...new Set([...this.knownNodes(), ...this.nodeUsage.keys()]),
      ];
      const disk = await this.disk.read(names, signal);
      for (const [node, sample] of disk.samples) {
        const previous = this.nodeUsage.get(node);
        this.nodeUsage.set(node, {
          ...previous,
          diskUsedBytes: sample.usedBytes,
          diskCapacityBytes: sample.capacityBytes,
          timestamp: previous?.timestamp ?? now,
        });
      }
      if (disk.error) errors.push(disk.error);
    }
    this.lastRoundAt = new Date().toISOString();
    this.error =
      errors.length > 0
        ? `${this.client.hostPort}: ${errors.join('; ')}`
        : undefined;
  }

  /**
   * Runs `fn` on every item, `concurrency` at a time, until the poller
   * stops; returns `failed/total what (last error)` when any failed.
   */
  private async eachCounted<T>(
    items: T[],
    what: string,
    fn: (item: T) => Promise<void>,
  ): Promise<string | undefined> {
    let failures = 0;
    let lastError = '';
    const limit = pLimit(Math.max(1, this.settings.concurrency));
    await Promise.all(
      items.map(item =>
        limit(async () => {
          if (this.abort.signal.aborted) return;
          try {
            await fn(item);
          } catch (e) {
            failures++;
            lastError = (e as Error).message;
          }
        }),
      ),
    );
    return failures > 0
      ? `${failures}/${items.length} ${what} (${lastError})`
      : undefined;
  }

  /**
   * Usage of the running pods in `namespace` matching `labelSelector`: the
   * last refresh when there is one, otherwise fetched now. Asking keeps the
   * query refreshed every round. Rejects when the fetch fails.
   */
  podUsage(namespace: string, labelSelector = ''): Promise<PodUsageSnapshot> {
    const key = `${namespace}\n${labelSelector}`;
    let q = this.podQueries.get(key);
    if (!q) {
      q = { namespace, labelSelector, lastAskedAt: 0 };
      this.podQueries.set(key, q);
    }
    q.lastAskedAt = Date.now();
    if (q.snapshot) return Promise.resolve(q.snapshot);
    return q.inflight ?? this.fetchPods(q);
  }

  /** pod-metrics queries being refreshed */
  get podQueryCount(): number {
    return this.podQueries.size;
  }

  private fetchPods(q: PodQuery): Promise<PodUsageSnapshot> {
    const path = `/apis/metrics.k8s.io/v1beta1/namespaces/${encodeURIComponent(
      q.namespace,
    )}/pods${
      q.labelSelector
        ? `?labelSelector=${encodeURIComponent(q.labelSelector)}`
        : ''
    }`;
    const inflight = (async () => {
      try {
        const body = await this.client.getJson(path, {
          signal: this.abort.signal,
          timeoutMs: 30_000,
        });
        const at = new Date().toISOString();
        const items: PodUsage[] = [];
        for (const item of body?.items ?? []) {
          const u = toPodUsage(item, at);
          if (u) items.push(u);
        }
        q.snapshot = { items, at };
        return q.snapshot;
      } catch (e) {
        // never serve a sample older than the last failed refresh
        q.snapshot = undefined;
        throw e;
      } finally {
        q.inflight = undefined;
      }
    })();
    q.inflight = inflight;
    return inflight;
  }
}
