/**
 * A scheduler in the spirit of kube-scheduler's filters: node selector and required node
 * affinity, taints and tolerations, and resource fit (cpu, memory, nvidia.com/gpu, pods).
 * Nodes are tried round-robin per placement signature, which spreads pods and keeps
 * scheduling of large scenarios close to O(pods).
 */
import { quantityOr } from '../util/quantity';
import {
  GPU,
  matchesNode,
  placementSignature,
  podRequests,
  Resources,
  Taint,
  untoleratedTaint,
} from './podSpec';

interface NodeInfo {
  name: string;
  labels: Record<string, string>;
  taints: Taint[];
  unschedulable: boolean;
  alloc: Resources & { pods: number };
  used: Resources & { pods: number };
}

/** A chosen node, or the reason no node fits. */
export interface ScheduleResult {
  node?: string;
  message?: string;
}

const EPS = 1e-9;

export class Scheduler {
  private readonly nodes = new Map<string, NodeInfo>();
  private nodeOrder: string[] = [];
  private nodesVersion = 0;
  private readonly candidates = new Map<
    string,
    { version: number; names: string[] }
  >();
  private readonly cursors = new Map<string, number>();
  /** Pod key → where its requests are counted. */
  private readonly placed = new Map<string, { node: string; req: Resources }>();
  /** Bumped whenever capacity is freed or added (pending pods may now fit). */
  capacityVersion = 0;

  /** Adds or updates a node from its object. */
  upsertNode(node: any): void {
    const name = node.metadata.name;
    const alloc = node.status?.allocatable ?? {};
    const prev = this.nodes.get(name);
    const info: NodeInfo = {
      name,
      labels: { ...(node.metadata.labels ?? {}) },
      taints: (node.spec?.taints ?? []).map((t: any) => ({ ...t })),
      unschedulable: Boolean(node.spec?.unschedulable),
      alloc: {
        cpu: quantityOr(alloc.cpu, 0),
        memory: quantityOr(alloc.memory, 0),
        gpu: quantityOr(alloc[GPU], 0),
        pods: quantityOr(alloc.pods, 110),
      },
      used: prev?.used ?? { cpu: 0, memory: 0, gpu: 0, pods: 0 },
    };
    const changed =
      !prev ||
      JSON.stringify([
        prev.labels,
        prev.taints,
        prev.unschedulable,
        prev.alloc,
      ]) !==
        JSON.stringify([
          info.labels,
          info.taints,
          info.unschedulable,
          info.alloc,
        ]);
    this.nodes.set(name, info);
    if (!prev) this.nodeOrder.push(name);
    if (changed) {
      this.nodesVersion++;
      this.capacityVersion++;
    }
  }

  removeNode(name: string): void {
    if (!this.nodes.delete(name)) return;
    this.nodeOrder = this.nodeOrder.filter(n => n !== name);
    this.nodesVersion++;
  }

  hasNode(name: string): boolean {
    return this.nodes.has(name);
  }

  /** Keeps node usage in step with a pod (undefined = deleted). */
  accountPod(key: string, pod: any | undefined): void {
    const prev = this.placed.get(key);
    const phase = pod?.status?.phase;
    const active =
      pod && pod.spec?.nodeName && phase !== 'Succeeded' && phase !== 'Failed';
    if (prev && (!active || prev.node !== pod.spec.nodeName)) {
      const n = this.nodes.get(prev.node);
      if (n) {
        n.used.cpu -= prev.req.cpu;
        n.used.memory -= prev.req.memory;
        n.used.gpu -= prev.req.gpu;
        n.used.pods -= 1;
      }
      this.placed.delete(key);
      this.capacityVersion++;
    }
    if (active && !this.placed.has(key)) {
      const req = podRequests(pod.spec);
      const n = this.nodes.get(pod.spec.nodeName);
      if (n) {
        n.used.cpu += req.cpu;
        n.used.memory += req.memory;
        n.used.gpu += req.gpu;
        n.used.pods += 1;
      }
      this.placed.set(key, { node: pod.spec.nodeName, req });
    }
  }

  /** Requested resources on a node. */
  nodeUsage(name: string): (Resources & { pods: number }) | undefined {
    const n = this.nodes.get(name);
    return n ? { ...n.used } : undefined;
  }

  private candidateNodes(spec: any, sig: string): string[] {
    const cached = this.candidates.get(sig);
    if (cached && cached.version === this.nodesVersion) return cached.names;
    const names = this.nodeOrder.filter(name => {
      const n = this.nodes.get(name)!;
      return (
        !n.unschedulable &&
        matchesNode(spec, n.labels, n.name) &&
        !untoleratedTaint(spec?.tolerations, n.taints)
      );
    });
    this.candidates.set(sig, { version: this.nodesVersion, names });
    return names;
  }

  private fits(n: NodeInfo, req: Resources): string | undefined {
    if (n.used.pods + 1 > n.alloc.pods) return 'Too many pods';
    if (req.cpu > EPS && n.used.cpu + req.cpu > n.alloc.cpu + EPS)
      return 'Insufficient cpu';
    if (req.memory > 0 && n.used.memory + req.memory > n.alloc.memory)
      return 'Insufficient memory';
    if (req.gpu > 0 && n.used.gpu + req.gpu > n.alloc.gpu + EPS)
      return `Insufficient ${GPU}`;
    return undefined;
  }

  /** Picks a node for a pod spec, or explains why none fits. Does not account the pod. */
  schedule(spec: any): ScheduleResult {
    const sig = placementSignature(spec);
    const names = this.candidateNodes(spec, sig);
    const req = podRequests(spec);
    if (names.length > 0) {
      const start = (this.cursors.get(sig) ?? 0) % names.length;
      for (let i = 0; i < names.length; i++) {
        const idx = (start + i) % names.length;
        const n = this.nodes.get(names[idx])!;
        if (!this.fits(n, req)) {
          this.cursors.set(sig, idx + 1);
          return { node: n.name };
        }
      }
    }
    return { message: this.explain(spec, req) };
  }

  /** The FailedScheduling message, e.g. "0/7 nodes are available: 3 Insufficient cpu, ...". */
  explain(spec: any, req: Resources = podRequests(spec)): string {
    const counts = new Map<string, number>();
    const add = (reason: string) =>
      counts.set(reason, (counts.get(reason) ?? 0) + 1);
    for (const name of this.nodeOrder) {
      const n = this.nodes.get(name)!;
      if (n.unschedulable) {
        add('node(s) were unschedulable');
        continue;
      }
      if (!matchesNode(spec, n.labels, n.name)) {
        add("node(s) didn't match Pod's node affinity/selector");
        continue;
      }
      const taint = untoleratedTaint(spec?.tolerations, n.taints);
      if (taint) {
        add(
          `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`,
        );
        continue;
      }
      const misfit = this.fits(n, req);
      if (misfit) add(misfit);
    }
    const reasons = [...counts.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([r, c]) => `${c} ${r}`);
    const head = `0/${this.nodes.size} nodes are available`;
    return reasons.length
      ? `${head}: ${reasons.join(', ')}. preemption: ${head}: ${
          this.nodes.size
        } Preemption is not helpful for scheduling.`
      : `${head}.`;
  }
}
