/**
 * Polls metrics.k8s.io (node and pod CPU/memory) and the kubelet stats
 * summary (node disk) of one cluster.
 *
 * The stats summary is one request per node. At 5,000 nodes and a 30 s
 * interval that would be ~170 requests/s through the API server's node proxy,
 * so each round fetches at most `statsMaxNodesPerRound` nodes (default 500),
 * `statsConcurrency` (default 16) at a time, rotating through the node list:
 * every node's disk figure is refreshed every ceil(nodes / 500) rounds (5
 * minutes for 5,000 nodes) while small clusters get every node every round.
 * Disk usage moves slowly, so the older sample is kept until its turn comes.
 */
import { KubeClient } from '../client/KubeClient';
import { mapWithConcurrency, rotatingSlice } from '../concurrency';
import { cpuToMillis, memoryToBytes } from '../quantity';
import { NodeUsage, PodUsage } from '../types';

export interface MetricsSettings {
  intervalMs: number;
  statsConcurrency: number;
  statsMaxNodesPerRound: number;
}

export class MetricsPoller {
  readonly nodeUsage = new Map<string, NodeUsage>();
  podUsage: ReadonlyMap<string, PodUsage> = new Map();
  lastRoundAt?: string;
  error?: string;
  /** why the last pod metrics request failed */
  podMetricsError?: string;

  private stopped = false;
  private timer?: ReturnType<typeof setTimeout>;
  private cursor = 0;
  private abort = new AbortController();

  constructor(
    private readonly client: KubeClient,
    private readonly settings: MetricsSettings,
    /** names of known nodes (from the node watch, if any) */
    private readonly knownNodes: () => string[],
    private readonly onRound: () => void,
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

    try {
      const pods = await this.client.getJson(
        '/apis/metrics.k8s.io/v1beta1/pods',
        { signal, timeoutMs: 60_000 },
      );
      const usage = new Map<string, PodUsage>();
      for (const item of pods?.items ?? []) {
        const name = item?.metadata?.name;
        const namespace = item?.metadata?.namespace;
        if (typeof name !== 'string' || typeof namespace !== 'string') {
          continue;
        }
        usage.set(`${namespace}/${name}`, {
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
        });
      }
      this.podUsage = usage;
      this.podMetricsError = undefined;
    } catch (e) {
      this.podMetricsError = (e as Error).message;
      errors.push(`pod metrics: ${this.podMetricsError}`);
    }

    const names = [
      ...new Set([...this.knownNodes(), ...this.nodeUsage.keys()]),
    ].sort();
    const { slice, nextCursor } = rotatingSlice(
      names,
      this.cursor,
      this.settings.statsMaxNodesPerRound,
    );
    this.cursor = nextCursor;
    let statsFailures = 0;
    let lastStatsError = '';
    await mapWithConcurrency(
      slice,
      this.settings.statsConcurrency,
      async node => {
        if (signal.aborted) return;
        try {
          const summary = await this.client.getJson(
            `/api/v1/nodes/${encodeURIComponent(node)}/proxy/stats/summary`,
            { signal, timeoutMs: 10_000 },
          );
          const fs = summary?.node?.fs ?? {};
          const previous = this.nodeUsage.get(node);
          this.nodeUsage.set(node, {
            ...previous,
            diskUsedBytes: fs.usedBytes,
            diskCapacityBytes: fs.capacityBytes,
            timestamp: previous?.timestamp ?? fs.time ?? now,
          });
        } catch (e) {
          statsFailures++;
          lastStatsError = (e as Error).message;
        }
      },
    );
    if (statsFailures > 0) {
      errors.push(
        `stats summary failed for ${statsFailures}/${slice.length} nodes (${lastStatsError})`,
      );
    }
    this.lastRoundAt = new Date().toISOString();
    this.error =
      errors.length > 0
        ? `${this.client.hostPort}: ${errors.join('; ')}`
        : undefined;
  }

  /** true when the last round got pod metrics */
  get podMetricsOk(): boolean {
    return this.lastRoundAt !== undefined && this.podMetricsError === undefined;
  }
}
