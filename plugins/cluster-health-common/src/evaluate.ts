import {
  ClusterSummary,
  HealthReason,
  HealthStatus,
  NodePoolSummary,
  NodeRow,
  ReasonCode,
  ResourceUsage,
  ThresholdPair,
  Thresholds,
} from './types';

const RANK: Record<HealthStatus, number> = {
  healthy: 0,
  unknown: 1,
  warning: 2,
  critical: 3,
};

/** Sort key of a status, higher is worse (an unknown value counts as unknown). */
export function statusRank(status: HealthStatus): number {
  return RANK[status] ?? RANK.unknown;
}

/** The worst of several statuses (critical > warning > unknown > healthy). */
export function worstStatus(statuses: Iterable<HealthStatus>): HealthStatus {
  let worst: HealthStatus = 'healthy';
  for (const s of statuses) {
    if (statusRank(s) > statusRank(worst)) {
      worst = s;
    }
  }
  return worst;
}

/** The status a list of reasons adds up to. */
export function statusOf(reasons: readonly HealthReason[]): HealthStatus {
  return worstStatus(reasons.map(r => r.severity));
}

const LABEL = { cpu: 'CPU', memory: 'Memory', disk: 'Disk' } as const;

/** A usage reason when usage crosses a mark, else undefined. */
export function usageReason(
  resource: keyof Thresholds,
  usage: ResourceUsage,
  pair: ThresholdPair,
): HealthReason | undefined {
  const used = usage.usedPercent;
  if (used === undefined) {
    return undefined;
  }
  const upper = resource.toUpperCase() as 'CPU' | 'MEMORY' | 'DISK';
  if (used >= pair.critical) {
    return {
      code: `${upper}_CRITICAL` as ReasonCode,
      severity: 'critical',
      message: `${LABEL[resource]} at ${used}% (critical ≥ ${pair.critical}%)`,
    };
  }
  if (used >= pair.warning) {
    return {
      code: `${upper}_WARNING` as ReasonCode,
      severity: 'warning',
      message: `${LABEL[resource]} at ${used}% (warning ≥ ${pair.warning}%)`,
    };
  }
  return undefined;
}

/** Everything of a pool summary except its verdict. */
export type NodePoolFacts = Omit<NodePoolSummary, 'status' | 'reasons'>;

/**
 * The verdict on a node pool: usage against the thresholds, size against
 * min/max, node readiness and pressure, pending pods and GPUs.
 */
export function evaluateNodePool(
  pool: NodePoolFacts,
  thresholds: Thresholds,
): { status: HealthStatus; reasons: HealthReason[] } {
  const reasons: HealthReason[] = [];
  const { nodes, minSize, maxSize } = pool;

  if (nodes.total === 0) {
    reasons.push({
      code: 'NO_NODES',
      severity: minSize ? 'critical' : 'unknown',
      message: minSize
        ? `No nodes, the pool needs at least ${minSize}`
        : 'No nodes in this pool',
    });
  }
  if (minSize !== undefined && nodes.total > 0 && nodes.ready < minSize) {
    reasons.push({
      code: 'READY_BELOW_MIN',
      severity: 'critical',
      message: `${nodes.ready} ready node${
        nodes.ready === 1 ? '' : 's'
      }, below the minimum of ${minSize}`,
    });
  }
  if (nodes.notReady > 0) {
    reasons.push({
      code: 'NODE_NOT_READY',
      severity: 'warning',
      message: `${nodes.notReady} of ${nodes.total} nodes not ready`,
    });
  }
  if (nodes.pressure > 0) {
    reasons.push({
      code: 'NODE_PRESSURE',
      severity: 'warning',
      message: `${nodes.pressure} node${
        nodes.pressure === 1 ? '' : 's'
      } under memory, disk or PID pressure`,
    });
  }
  if (nodes.cordoned > 0) {
    reasons.push({
      code: 'NODES_CORDONED',
      severity: 'warning',
      message: `${nodes.cordoned} node${
        nodes.cordoned === 1 ? '' : 's'
      } cordoned`,
    });
  }
  if (maxSize !== undefined && nodes.total > maxSize) {
    reasons.push({
      code: 'ABOVE_MAX_SIZE',
      severity: 'warning',
      message: `${nodes.total} nodes, above the maximum of ${maxSize}`,
    });
  }

  const usage = (['cpu', 'memory', 'disk'] as const)
    .map(r => usageReason(r, pool[r], thresholds[r]))
    .filter((r): r is HealthReason => Boolean(r));
  reasons.push(...usage);

  const hot = usage.some(
    r => r.code.startsWith('CPU') || r.code.startsWith('MEMORY'),
  );
  if (maxSize !== undefined && nodes.total >= maxSize && hot) {
    reasons.push({
      code: 'AT_MAX_SIZE_AND_HOT',
      severity: 'critical',
      message: `At its maximum of ${maxSize} nodes while above the usage thresholds: it cannot scale out`,
    });
  }
  if (
    nodes.total > 0 &&
    pool.cpu.usedPercent === undefined &&
    pool.memory.usedPercent === undefined
  ) {
    reasons.push({
      code: 'METRICS_UNAVAILABLE',
      severity: 'unknown',
      message: 'No usage metrics (is metrics-server running?)',
    });
  }
  if (pool.pendingPods > 0) {
    reasons.push({
      code: 'PODS_PENDING',
      severity: 'warning',
      message: `${pool.pendingPods} pod${
        pool.pendingPods === 1 ? '' : 's'
      } pending for this pool`,
    });
  }
  if (
    pool.gpus.allocatable > 0 &&
    pool.gpus.requested >= pool.gpus.allocatable
  ) {
    reasons.push({
      code: 'GPU_EXHAUSTED',
      severity: 'warning',
      message: `All ${pool.gpus.allocatable} GPUs are requested`,
    });
  }
  return { status: statusOf(reasons), reasons };
}

/** Everything of a node row except its verdict. */
export type NodeFacts = Omit<NodeRow, 'status' | 'reasons'>;

const PRESSURE = ['MemoryPressure', 'DiskPressure', 'PIDPressure'];

/** Whether a node reports memory, disk or PID pressure. */
export function underPressure(node: Pick<NodeFacts, 'conditions'>): boolean {
  return node.conditions.some(
    c => PRESSURE.includes(c.type) && c.status === 'True',
  );
}

/** The verdict on one node. */
export function evaluateNode(
  node: NodeFacts,
  thresholds: Thresholds,
): { status: HealthStatus; reasons: HealthReason[] } {
  const reasons: HealthReason[] = [];
  if (node.ready === false) {
    const ready = node.conditions.find(c => c.type === 'Ready');
    reasons.push({
      code: 'NODE_NOT_READY',
      severity: 'critical',
      message: `Not ready${ready?.reason ? `: ${ready.reason}` : ''}${
        ready?.message ? ` (${ready.message})` : ''
      }`,
    });
  } else if (node.ready === undefined) {
    reasons.push({
      code: 'NODE_NOT_READY',
      severity: 'unknown',
      message: 'Readiness unknown',
    });
  }
  for (const c of node.conditions) {
    if (PRESSURE.includes(c.type) && c.status === 'True') {
      reasons.push({
        code: 'NODE_PRESSURE',
        severity: 'warning',
        message: `${c.type}${c.message ? `: ${c.message}` : ''}`,
      });
    }
  }
  if (node.cordoned) {
    reasons.push({
      code: 'NODES_CORDONED',
      severity: 'warning',
      message: 'Cordoned (unschedulable)',
    });
  }
  for (const r of ['cpu', 'memory', 'disk'] as const) {
    const reason = usageReason(r, node[r], thresholds[r]);
    if (reason) reasons.push(reason);
  }
  return { status: statusOf(reasons), reasons };
}

/**
 * The verdict on a cluster: its pools' worst status, or `unknown` with a
 * reason while its data is stale or was never read.
 */
export function evaluateCluster(
  cluster: Pick<
    ClusterSummary,
    'stale' | 'error' | 'lastSyncAt' | 'nodePools' | 'syncing'
  >,
): { status: HealthStatus; reasons: HealthReason[] } {
  if (!cluster.lastSyncAt) {
    return {
      status: 'unknown',
      reasons: [
        {
          code: 'CLUSTER_UNREACHABLE',
          severity: 'unknown',
          message: cluster.error ?? 'Not synchronised yet',
        },
      ],
    };
  }
  if (cluster.stale) {
    return {
      status: 'unknown',
      reasons: [
        {
          code: 'CLUSTER_STALE',
          severity: 'unknown',
          message: `Data from ${cluster.lastSyncAt} is stale${
            cluster.error ? `: ${cluster.error}` : ''
          }`,
        },
      ],
    };
  }
  if (cluster.syncing && cluster.syncing.length > 0) {
    return {
      status: 'unknown',
      reasons: [
        {
          code: 'CLUSTER_SYNCING',
          severity: 'unknown',
          message: `Still listing ${cluster.syncing.join(
            ', ',
          )} for the first time: figures are partial`,
        },
      ],
    };
  }
  const status = worstStatus(cluster.nodePools.map(p => p.status));
  const reasons = cluster.nodePools
    .filter(p => p.status !== 'healthy')
    .map(p => ({
      code: p.reasons[0]?.code ?? 'NO_NODES',
      severity: p.status as Exclude<HealthStatus, 'healthy'>,
      message: `Pool ${p.name}: ${p.reasons.map(r => r.message).join('; ')}`,
    }));
  return { status, reasons };
}
