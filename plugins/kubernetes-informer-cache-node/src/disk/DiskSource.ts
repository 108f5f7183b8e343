/** Where node disk usage comes from (`kubernetesInformerCache.diskUsage`). */

/** The root filesystem of one node. */
export interface DiskSample {
  usedBytes: number;
  capacityBytes: number;
}

/** What one metrics round learnt about node disks. */
export interface DiskReading {
  /** nodes read this round; nodes not in it keep their older sample */
  samples: Map<string, DiskSample>;
  /** why some or all nodes could not be read */
  error?: string;
}

export interface DiskSource {
  /** Reads disk usage; `nodes` are the node names the cache knows. */
  read(nodes: string[], signal: AbortSignal): Promise<DiskReading>;
}
