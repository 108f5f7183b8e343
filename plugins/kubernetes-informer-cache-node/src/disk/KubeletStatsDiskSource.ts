/**
 * Node disk from each kubelet's stats summary, read through the API server's
 * node proxy (`get nodes/proxy`, deploy/portal/optional/kubelet-stats-rbac.yaml).
 *
 * One request per node: at 5,000 nodes and a 30 s interval that would be ~170
 * requests/s through the API server, so each round asks at most
 * `maxNodesPerRound` nodes (default 500), `concurrency` (default 16) at a time,
 * rotating through the node list: each node's figure is refreshed every
 * ceil(nodes / 500) rounds (5 minutes at 5,000 nodes) while small clusters get
 * every node every round. Disk usage moves slowly; older samples are kept.
 */
import pLimit from 'p-limit';
import { KubeClient } from '../client/KubeClient';
import { rotatingSlice } from '../rotatingSlice';
import { DiskReading, DiskSample, DiskSource } from './DiskSource';

export interface KubeletStatsOptions {
  concurrency: number;
  maxNodesPerRound: number;
}

export class KubeletStatsDiskSource implements DiskSource {
  private cursor = 0;

  constructor(
    private readonly client: KubeClient,
    private readonly options: KubeletStatsOptions,
  ) {}

  async read(nodes: string[], signal: AbortSignal): Promise<DiskReading> {
    const { slice, nextCursor } = rotatingSlice(
      [...nodes].sort(),
      this.cursor,
      this.options.maxNodesPerRound,
    );
    this.cursor = nextCursor;
    const samples = new Map<string, DiskSample>();
    let failures = 0;
    let lastError = '';
    const limit = pLimit(Math.max(1, this.options.concurrency));
    const readNode = async (node: string) => {
      if (signal.aborted) return;
      try {
        const summary = await this.client.getJson(
          `/api/v1/nodes/${encodeURIComponent(node)}/proxy/stats/summary`,
          { signal, timeoutMs: 10_000 },
        );
        const fs = summary?.node?.fs ?? {};
        if (
          typeof fs.usedBytes === 'number' &&
          typeof fs.capacityBytes === 'number'
        ) {
          samples.set(node, {
            usedBytes: fs.usedBytes,
            capacityBytes: fs.capacityBytes,
          });
        }
      } catch (e) {
        failures++;
        lastError = (e as Error).message;
      }
    };
    await Promise.all(slice.map(node => limit(() => readNode(node))));
    return {
      samples,
      ...(failures > 0 && {
        error: `stats summary failed for ${failures}/${slice.length} nodes (${lastError})`,
      }),
    };
  }
}
