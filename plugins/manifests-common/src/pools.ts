import { InputError } from '@backstage/errors';
import {
  DEFAULT_NODE_POOLS,
  GPU_RESOURCE,
  NodePoolConfig,
  POOL_DISCOVERY_LABELS,
} from '@fdp/plugin-cluster-health-common';

import type { ITaint } from 'kubernetes-models/v1/Taint';
import type { IToleration } from 'kubernetes-models/v1/Toleration';

/** A node pool as the manifests and the lint see it: cluster-health's pool plus its taints. */
export interface PlatformPool extends NodePoolConfig {
  /** nodes carry `nvidia.com/gpu` */
  gpu?: boolean;
  /** taints every node of the pool carries; pods need a matching toleration */
  taints?: Array<Pick<ITaint, 'key' | 'value' | 'effect'>>;
}

export { GPU_RESOURCE };

/**
 * The taint of GPU nodes (NVIDIA's convention, also the simulator's
 * ai-inference nodes): keeps pods that do not need a GPU off them.
 */
export const GPU_TAINT: Pick<ITaint, 'key' | 'value' | 'effect'> = {
  key: GPU_RESOURCE,
  value: 'present',
  effect: 'NoSchedule',
};

/** The toleration a GPU workload carries: any value of the GPU taint. */
export const GPU_TOLERATION: IToleration = {
  key: GPU_RESOURCE,
  operator: 'Exists',
  effect: 'NoSchedule',
};

/**
 * The platform's node pools (from cluster-health-common, one source) with the GPU
 * facts the lint needs: ai-inference (g4dn.xlarge) is the GPU pool.
 */
export const DEFAULT_PLATFORM_POOLS: PlatformPool[] = DEFAULT_NODE_POOLS.map(
  p =>
    p.name === 'ai-inference'
      ? { ...p, gpu: true, taints: [GPU_TAINT] }
      : { ...p },
);

/** Labels that name a pool in a nodeSelector: the pools' own keys and the well-known ones. */
export function poolLabelKeys(pools: readonly PlatformPool[]): Set<string> {
  return new Set([
    ...pools.flatMap(p => Object.keys(p.selector)),
    ...POOL_DISCOVERY_LABELS,
  ]);
}

/** The pool whose selector a nodeSelector asks for, if any. */
export function poolForNodeSelector(
  nodeSelector: Record<string, string> | undefined,
  pools: readonly PlatformPool[],
): PlatformPool | undefined {
  const wanted = nodeSelector ?? {};
  return pools.find(p => {
    const entries = Object.entries(p.selector);
    return entries.length > 0 && entries.every(([k, v]) => wanted[k] === v);
  });
}

/** The pool of the given name; throws when there is none. */
export function poolNamed(
  name: string,
  pools: readonly PlatformPool[] = DEFAULT_PLATFORM_POOLS,
): PlatformPool {
  const pool = pools.find(p => p.name === name);
  if (!pool) {
    throw new InputError(
      `Unknown node pool '${name}'; known: ${pools
        .map(p => p.name)
        .join(', ')}`,
    );
  }
  return pool;
}
