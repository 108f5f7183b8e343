/**
 * The utilisation model: node usage follows its pool's curves; pod usage follows its
 * workload's curve (relative to requests), scaled by how many replicas share the load.
 */
import { CurveSet } from '../scenario/curves';
import { jitter } from '../util/random';
import { quantityOr } from '../util/quantity';
import { isNodeReady, NODEGROUP_LABEL, POOL_LABEL } from '../controller/nodes';
import type { ObjectStore } from '../store/ObjectStore';
import type { Cluster } from '../controller/Cluster';

export interface NodeUsage {
  cpuCores: number;
  memoryBytes: number;
  cpuRatio: number;
  memoryRatio: number;
  diskRatio: number;
  diskCapacityBytes: number;
  diskUsedBytes: number;
  allocatableCpu: number;
  allocatableMemory: number;
}

export interface ContainerUsage {
  name: string;
  cpuCores: number;
  memoryBytes: number;
}

export interface Defaults {
  cpu: number;
  memory: number;
}

const clamp = (v: number, lo: number, hi: number) =>
  Math.min(hi, Math.max(lo, v));

export class UsageModel {
  private readonly rsOwner = new Map<string, string>();

  constructor(
    readonly curves: CurveSet,
    private readonly store: ObjectStore,
    private readonly cluster: Cluster,
    private readonly elapsed: () => number,
  ) {}

  poolOf(node: any): string {
    const l = node?.metadata?.labels ?? {};
    return l[POOL_LABEL] ?? l[NODEGROUP_LABEL] ?? 'default';
  }

  /** "namespace/name" of the workload that owns a pod (Deployment for ReplicaSet pods). */
  workloadOf(pod: any): string {
    const ns = pod.metadata.namespace;
    const owner = (pod.metadata.ownerReferences ?? []).find(
      (o: any) => o.controller,
    );
    if (!owner) return `${ns}/${pod.metadata.name}`;
    if (owner.kind === 'ReplicaSet') {
      const k = `${ns}/${owner.name}`;
      let wl = this.rsOwner.get(k);
      if (!wl) {
        const rs = this.store.get('replicasets.apps', ns, owner.name);
        const d = (rs?.metadata.ownerReferences ?? []).find(
          (o: any) => o.controller,
        );
        wl = d ? `${ns}/${d.name}` : k;
        if (rs) this.rsOwner.set(k, wl);
      }
      return wl;
    }
    return `${ns}/${owner.name}`;
  }

  /** CPU, memory and disk use of a node as fractions (what `node_*_usage_ratio` exposes). */
  nodeRatios(node: any): {
    cpuRatio: number;
    memoryRatio: number;
    diskRatio: number;
  } {
    const t = this.elapsed();
    const pool = this.poolOf(node);
    const name = node.metadata.name;
    const j = jitter(name);
    const ready = isNodeReady(node);
    const cpuRatio = ready
      ? clamp(this.curves.value(`pool:${pool}:cpu`, t, 0.3) + 0.04 * j, 0.01, 1)
      : 0;
    const memoryRatio = clamp(
      this.curves.value(`pool:${pool}:memory`, t, 0.4) + 0.03 * j,
      0.01,
      1,
    );
    const diskRatio = clamp(
      this.curves.value(`pool:${pool}:disk`, t, 0.3) + 0.02 * j,
      0.01,
      1,
    );
    return { cpuRatio, memoryRatio, diskRatio };
  }

  nodeUsage(node: any): NodeUsage {
    const { cpuRatio, memoryRatio, diskRatio } = this.nodeRatios(node);
    const alloc = node.status?.allocatable ?? {};
    const cap = node.status?.capacity ?? {};
    const allocatableCpu = quantityOr(alloc.cpu, 1);
    const allocatableMemory = quantityOr(alloc.memory, 1024 ** 3);
    const diskCapacityBytes = quantityOr(
      cap['ephemeral-storage'],
      100 * 1024 ** 3,
    );
    return {
      cpuCores: cpuRatio * allocatableCpu,
      memoryBytes: memoryRatio * allocatableMemory,
      cpuRatio,
      memoryRatio,
      diskRatio,
      diskCapacityBytes,
      diskUsedBytes: diskRatio * diskCapacityBytes,
      allocatableCpu,
      allocatableMemory,
    };
  }

  /** CPU usage of a workload's pods relative to their requests (before jitter). */
  workloadCpuRatio(workload: string, activeReplicas: number): number {
    const t = this.elapsed();
    const base = this.curves.value(
      `workload:${workload}:cpu`,
      t,
      this.curves.value('defaults:cpu', t, 0.4),
    );
    const ref = this.cluster.referenceReplicas.get(workload);
    const factor = ref && activeReplicas > 0 ? ref / activeReplicas : 1;
    return base * factor;
  }

  private activeReplicas(workload: string): number {
    const [ns, name] = workload.split('/');
    const d =
      this.store.get('deployments.apps', ns, name) ??
      this.store.get('statefulsets.apps', ns, name);
    return d?.status?.readyReplicas ?? d?.spec?.replicas ?? 1;
  }

  podUsage(pod: any): ContainerUsage[] {
    const t = this.elapsed();
    const workload = this.workloadOf(pod);
    const crashing = (pod.status?.containerStatuses ?? []).some(
      (s: any) => s.state?.waiting,
    );
    const cpuRatio = crashing
      ? 0.01
      : this.workloadCpuRatio(workload, this.activeReplicas(workload));
    const memRatio = crashing
      ? 0.05
      : this.curves.value(
          `workload:${workload}:memory`,
          t,
          this.curves.value('defaults:memory', t, 0.5),
        );
    const j = jitter(pod.metadata.name);
    return (pod.spec?.containers ?? []).map((c: any) => {
      const req = c.resources?.requests ?? {};
      const lim = c.resources?.limits ?? {};
      const cpuReq = quantityOr(req.cpu ?? lim.cpu, 0.1);
      const memReq = quantityOr(req.memory ?? lim.memory, 128 * 1024 ** 2);
      const cpuLimit = quantityOr(lim.cpu, Infinity);
      const memLimit = quantityOr(lim.memory, Infinity);
      return {
        name: c.name,
        cpuCores: Math.min(
          cpuLimit,
          Math.max(0.001, cpuReq * cpuRatio * (1 + 0.06 * j)),
        ),
        memoryBytes: Math.min(
          memLimit,
          Math.max(1024 ** 2, memReq * memRatio * (1 + 0.04 * j)),
        ),
      };
    });
  }

  /** Traffic value of a service (requestRate, errorRate, latencyP50, latencyP95). */
  traffic(service: string, metric: string, fallback: number): number {
    return this.curves.value(
      `service:${service}:${metric}`,
      this.elapsed(),
      fallback,
    );
  }
}
