import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Cluster and node-pool health (plugin `cluster-health`). */
  clusterHealth?: {
    /**
     * Usage / allocatable marks in percent. Defaults: the operations
     * manual's cpu 70/85, memory 75/90, disk 80/90.
     */
    thresholds?: {
      cpu?: { warning?: number; critical?: number };
      memory?: { warning?: number; critical?: number };
      disk?: { warning?: number; critical?: number };
    };
    /**
     * Node pools matched by node labels. Defaults: the infrastructure
     * design's general, ai-inference and data-processing pools (label `role`).
     * Nodes of no configured pool are grouped by well-known pool labels.
     */
    nodePools?: Array<{
      name: string;
      /** node labels that must all match */
      selector: { [label: string]: string };
      instanceType?: string;
      minSize?: number;
      maxSize?: number;
    }>;
    /**
     * Delay to batch cache changes into one snapshot update, e.g.
     * `{ milliseconds: 250 }` or `250ms`. Default 250 milliseconds.
     */
    debounce?: HumanDuration | string;
    /** @deprecated use `debounce`; milliseconds, still read (with a warning) when `debounce` is absent */
    debounceMs?: number;
  };
}
