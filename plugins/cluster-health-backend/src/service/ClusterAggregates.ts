import {
  GPU_RESOURCE,
  NodeCondition,
  NodePoolConfig,
  NodePoolSummary,
  NodeRow,
  POOL_DISCOVERY_LABELS,
  PodPlacement,
  ResourceUsage,
  Thresholds,
  evaluateNode,
  evaluateNodePool,
  percent,
  podTargetsPool,
  poolIdentityLabels,
  resolveNodePool,
  underPressure,
} from '@fdp/plugin-cluster-health-common';
import {
  cpuToMillis,
  memoryToBytes,
  parseQuantity,
  type CachedObject,
  type NodeUsage,
} from '@fdp/plugin-kubernetes-informer-cache-node';

/** Pods of nodes without any pool label land in this pool. */
export const UNPOOLED = 'unpooled';

interface Requests {
  cpu: number;
  memory: number;
  gpus: number;
}

interface NodeFacts {
  name: string;
  pool: string;
  poolSource: 'config' | 'discovered';
  poolLabels: Record<string, string>;
  poolConfig?: NodePoolConfig;
  instanceType?: string;
  zone?: string;
  createdAt?: string;
  ready: boolean | undefined;
  cordoned: boolean;
  conditions: NodeCondition[];
  allocatable: Requests;
  requested: Requests;
  pods: number;
}

interface PodContribution {
  node?: string;
  requests: Requests;
  pending?: PodPlacement;
}

function podRequests(pod: CachedObject): Requests {
  const sum: Requests = { cpu: 0, memory: 0, gpus: 0 };
  for (const c of pod.spec?.containers ?? []) {
    const r = c.resources?.requests ?? {};
    const l = c.resources?.limits ?? {};
    sum.cpu += cpuToMillis(r.cpu) ?? 0;
    sum.memory += memoryToBytes(r.memory) ?? 0;
    // extended resources: request defaults to the limit
    sum.gpus += parseQuantity(r[GPU_RESOURCE] ?? l[GPU_RESOURCE]) ?? 0;
  }
  return sum;
}

function contribution(pod: CachedObject): PodContribution | undefined {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    return undefined;
  }
  const requests = podRequests(pod);
  if (pod.spec?.nodeName) {
    return { node: pod.spec.nodeName, requests };
  }
  const terms =
    pod.spec?.affinity?.nodeAffinity
      ?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  return {
    requests,
    pending: {
      nodeSelector: pod.spec?.nodeSelector,
      requiredTerms: terms.map((t: any) => t.matchExpressions ?? []),
    },
  };
}

const key = (o: CachedObject) =>
  `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

function add(target: Requests, r: Requests, sign: 1 | -1) {
  target.cpu += sign * r.cpu;
  target.memory += sign * r.memory;
  target.gpus += sign * r.gpus;
}

function usage(
  allocatable: number,
  requested: number,
  used: number | undefined,
  usedOf: number,
): ResourceUsage {
  return {
    allocatable,
    requested,
    used,
    usedPercent: used === undefined ? undefined : percent(used, usedOf),
    requestedPercent: percent(requested, allocatable),
  };
}

/**
 * Incrementally maintained aggregates of one cluster: per node the pods and
 * requests placed on it, and the pending pods with their node constraints.
 * A pod change adjusts only its own node (or the pending set); summaries are
 * derived from the per-node facts (O(nodes)) and the pending pods
 * (O(pending x pools)), never by rescanning every pod.
 */
export class ClusterAggregates {
  private readonly nodes = new Map<string, NodeFacts>();
  private readonly pods = new Map<string, PodContribution>();
  /** the pods of {@link pods} not bound to a node, with their constraints */
  private readonly pending = new Map<string, PodPlacement>();
  /** requests of pods whose node is not (yet) known, by node name */
  private readonly orphans = new Map<string, Requests & { pods: number }>();

  constructor(
    private readonly cluster: string,
    private readonly pools: readonly NodePoolConfig[],
  ) {}

  upsertNode(node: CachedObject) {
    const labels: Record<string, string> = node.metadata.labels ?? {};
    const match = resolveNodePool(labels, this.pools);
    const discoveryLabel = match?.config
      ? undefined
      : POOL_DISCOVERY_LABELS.find(l => labels[l] === match?.name);
    const conditions: NodeCondition[] = (node.status?.conditions ?? []).map(
      (c: any) => ({
        type: c.type,
        status: c.status,
        reason: c.reason,
        message: c.message,
        lastTransitionTime: c.lastTransitionTime,
      }),
    );
    const readyCondition = conditions.find(c => c.type === 'Ready');
    const alloc = node.status?.allocatable ?? {};
    const name = node.metadata.name;
    const previous = this.nodes.get(name);
    const orphan = this.orphans.get(name);
    this.orphans.delete(name);
    this.nodes.set(name, {
      name,
      pool: match?.name ?? UNPOOLED,
      poolSource: match?.source ?? 'discovered',
      poolLabels: match ? poolIdentityLabels(match, discoveryLabel) : {},
      poolConfig: match?.config,
      instanceType:
        labels['node.kubernetes.io/instance-type'] ??
        labels['beta.kubernetes.io/instance-type'],
      zone: labels['topology.kubernetes.io/zone'],
      createdAt: node.metadata.creationTimestamp,
      ready: readyCondition ? readyCondition.status === 'True' : undefined,
      cordoned: Boolean(node.spec?.unschedulable),
      conditions,
      allocatable: {
        cpu: cpuToMillis(alloc.cpu) ?? 0,
        memory: memoryToBytes(alloc.memory) ?? 0,
        gpus: parseQuantity(alloc[GPU_RESOURCE]) ?? 0,
      },
      requested: previous?.requested ?? {
        cpu: orphan?.cpu ?? 0,
        memory: orphan?.memory ?? 0,
        gpus: orphan?.gpus ?? 0,
      },
      pods: previous?.pods ?? orphan?.pods ?? 0,
    });
  }

  deleteNode(name: string) {
    const node = this.nodes.get(name);
    if (node) {
      this.orphans.set(name, { ...node.requested, pods: node.pods });
      this.nodes.delete(name);
    }
  }

  upsertPod(pod: CachedObject) {
    this.removePod(key(pod));
    const c = contribution(pod);
    if (!c) {
      return;
    }
    this.pods.set(key(pod), c);
    if (c.pending) this.pending.set(key(pod), c.pending);
    this.place(c, 1);
  }

  deletePod(pod: CachedObject) {
    this.removePod(key(pod));
  }

  private removePod(podKey: string) {
    const old = this.pods.get(podKey);
    if (old) {
      this.place(old, -1);
      this.pods.delete(podKey);
      this.pending.delete(podKey);
    }
  }

  private place(c: PodContribution, sign: 1 | -1) {
    if (!c.node) {
      return;
    }
    const node = this.nodes.get(c.node);
    if (node) {
      add(node.requested, c.requests, sign);
      node.pods += sign;
      return;
    }
    const orphan = this.orphans.get(c.node) ?? {
      cpu: 0,
      memory: 0,
      gpus: 0,
      pods: 0,
    };
    add(orphan, c.requests, sign);
    orphan.pods += sign;
    this.orphans.set(c.node, orphan);
  }

  /** Drops everything (before a relist). */
  clear() {
    this.nodes.clear();
    this.pods.clear();
    this.pending.clear();
    this.orphans.clear();
  }

  private nodeRow(
    n: NodeFacts,
    metrics: ReadonlyMap<string, NodeUsage>,
    thresholds: Thresholds,
  ): NodeRow {
    const m = metrics.get(n.name);
    const facts = {
      name: n.name,
      pool: n.pool,
      instanceType: n.instanceType,
      zone: n.zone,
      ready: n.ready,
      cordoned: n.cordoned,
      conditions: n.conditions,
      pods: n.pods,
      cpu: usage(
        n.allocatable.cpu,
        n.requested.cpu,
        m?.cpuMillis,
        n.allocatable.cpu,
      ),
      memory: usage(
        n.allocatable.memory,
        n.requested.memory,
        m?.memoryBytes,
        n.allocatable.memory,
      ),
      disk: usage(
        m?.diskCapacityBytes ?? 0,
        0,
        m?.diskUsedBytes,
        m?.diskCapacityBytes ?? 0,
      ),
      gpus: { allocatable: n.allocatable.gpus, requested: n.requested.gpus },
      createdAt: n.createdAt,
    };
    return { ...facts, ...evaluateNode(facts, thresholds) };
  }

  /** Node rows of one pool. */
  nodeRows(
    pool: string,
    metrics: ReadonlyMap<string, NodeUsage>,
    thresholds: Thresholds,
  ): NodeRow[] {
    return [...this.nodes.values()]
      .filter(n => n.pool === pool)
      .map(n => this.nodeRow(n, metrics, thresholds))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Summaries of every pool: configured pools first (even when empty), then discovered ones. */
  poolSummaries(
    metrics: ReadonlyMap<string, NodeUsage>,
    thresholds: Thresholds,
  ): NodePoolSummary[] {
    interface Acc {
      name: string;
      source: 'config' | 'discovered';
      config?: NodePoolConfig;
      identity: Record<string, string>;
      nodes: NodePoolSummary['nodes'];
      alloc: Requests;
      req: Requests;
      cpuUsed?: number;
      cpuOf: number;
      memUsed?: number;
      memOf: number;
      diskUsed?: number;
      diskOf: number;
      pending: number;
    }
    const accs = new Map<string, Acc>();
    const acc = (
      name: string,
      source: Acc['source'],
      config?: NodePoolConfig,
      identity = {},
    ) => {
      let a = accs.get(name);
      if (!a) {
        a = {
          name,
          source,
          config,
          identity: config ? config.selector : identity,
          nodes: { total: 0, ready: 0, notReady: 0, cordoned: 0, pressure: 0 },
          alloc: { cpu: 0, memory: 0, gpus: 0 },
          req: { cpu: 0, memory: 0, gpus: 0 },
          cpuOf: 0,
          memOf: 0,
          diskOf: 0,
          pending: 0,
        };
        accs.set(name, a);
      }
      return a;
    };
    for (const p of this.pools) {
      acc(p.name, 'config', p);
    }
    for (const n of this.nodes.values()) {
      const a = acc(n.pool, n.poolSource, n.poolConfig, n.poolLabels);
      a.nodes.total++;
      if (n.ready === true) a.nodes.ready++;
      else a.nodes.notReady++;
      if (n.cordoned) a.nodes.cordoned++;
      if (underPressure(n)) a.nodes.pressure++;
      add(a.alloc, n.allocatable, 1);
      add(a.req, n.requested, 1);
      const m = metrics.get(n.name);
      if (m?.cpuMillis !== undefined) {
        a.cpuUsed = (a.cpuUsed ?? 0) + m.cpuMillis;
        a.cpuOf += n.allocatable.cpu;
      }
      if (m?.memoryBytes !== undefined) {
        a.memUsed = (a.memUsed ?? 0) + m.memoryBytes;
        a.memOf += n.allocatable.memory;
      }
      if (m?.diskUsedBytes !== undefined && m.diskCapacityBytes) {
        a.diskUsed = (a.diskUsed ?? 0) + m.diskUsedBytes;
        a.diskOf += m.diskCapacityBytes;
      }
    }
    for (const placement of this.pending.values()) {
      for (const a of accs.values()) {
        if (podTargetsPool(placement, a.identity)) {
          a.pending++;
        }
      }
    }
    return [...accs.values()].map(a => {
      const facts = {
        cluster: this.cluster,
        name: a.name,
        source: a.source,
        instanceType: a.config?.instanceType,
        minSize: a.config?.minSize,
        maxSize: a.config?.maxSize,
        nodes: a.nodes,
        headroom:
          a.config?.maxSize !== undefined
            ? Math.max(0, a.config.maxSize - a.nodes.total)
            : undefined,
        cpu: usage(a.alloc.cpu, a.req.cpu, a.cpuUsed, a.cpuOf),
        memory: usage(a.alloc.memory, a.req.memory, a.memUsed, a.memOf),
        disk: usage(a.diskOf, 0, a.diskUsed, a.diskOf),
        gpus: { allocatable: a.alloc.gpus, requested: a.req.gpus },
        pendingPods: a.pending,
      };
      return { ...facts, ...evaluateNodePool(facts, thresholds) };
    });
  }
}
