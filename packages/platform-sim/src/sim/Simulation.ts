/**
 * One simulated cluster: builds the initial state from a scenario, then moves scenario time
 * forward, applying timed events, controller ticks, HPA syncs and traffic accumulation.
 */
import { findByKind, resourceKey, STORED_TYPES } from '../api/resources';
import { Operations } from '../api/operations';
import { ApiError } from '../api/status';
import { Cluster, T } from '../controller/Cluster';
import { syncHpa } from '../controller/hpa';
import {
  buildNode,
  isNodeReady,
  nodeName,
  withNodeCondition,
} from '../controller/nodes';
import { TrafficModel } from '../metrics/traffic';
import { UsageModel } from '../metrics/usage';
import { CurveSet } from '../scenario/curves';
import { ScenarioError } from '../scenario/load';
import type { NodePoolSpec, Scenario, ScenarioEvent } from '../scenario/schema';
import { entryJson, ObjectStore } from '../store/ObjectStore';
import { ObjectWriter } from '../store/ObjectWriter';
import { k8sTime, SimClock } from '../util/clock';
import { Random } from '../util/random';

const SIM_MANAGER = 'platform-sim';
const SYSTEM_NAMESPACES = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
];

interface TimelineItem {
  at: number;
  seq: number;
  label: string;
  run: () => void;
}

export class Simulation {
  readonly store: ObjectStore;
  readonly writer: ObjectWriter;
  readonly cluster: Cluster;
  readonly curves = new CurveSet();
  readonly usage: UsageModel;
  readonly traffic: TrafficModel;
  readonly ops: Operations;
  readonly rng: Random;
  private readonly timeline: TimelineItem[] = [];
  private seq = 0;
  /** Scenario seconds processed so far. */
  private processed = 0;
  private stepping = false;
  private lastHpaSync = 0;
  private readonly poolCounts = new Map<string, number>();
  /** Log of applied timed events (for /sim/events and tests). */
  readonly applied: { at: number; label: string }[] = [];
  /** Called after every simulation tick (scenario time = the tick's end), e.g. rule evaluation. */
  readonly tickListeners: (() => void)[] = [];

  constructor(readonly scenario: Scenario, readonly clock: SimClock) {
    this.rng = new Random(scenario.simulation.seed);
    this.store = new ObjectStore({
      historySize: scenario.simulation.watchHistorySize,
    });
    this.writer = new ObjectWriter(this.store, this.rng, () => this.nowMs());
    this.cluster = new Cluster(
      this.store,
      this.writer,
      scenario.simulation.maxEvents,
      scenario.simulation.crashLoopRestartSeconds,
    );
    this.usage = new UsageModel(this.curves, this.store, this.cluster, () =>
      this.elapsed(),
    );
    this.cluster.usage = this.usage;
    this.traffic = new TrafficModel(Object.keys(scenario.traffic));
    this.ops = new Operations(this.writer, this.cluster);
    this.setupCurves();
  }

  /** Scenario seconds "now" (the step being processed while stepping). */
  elapsed(): number {
    return this.stepping
      ? this.processed
      : Math.max(this.processed, this.clock.elapsed());
  }

  nowMs(): number {
    return this.clock.startMs + this.elapsed() * 1000;
  }

  private setupCurves(): void {
    const s = this.scenario;
    for (const pool of s.nodePools) {
      this.curves.set(`pool:${pool.name}:cpu`, pool.utilisation.cpu);
      this.curves.set(`pool:${pool.name}:memory`, pool.utilisation.memory);
      this.curves.set(`pool:${pool.name}:disk`, pool.utilisation.disk);
    }
    this.curves.set('defaults:cpu', s.workloadDefaults.cpu);
    this.curves.set('defaults:memory', s.workloadDefaults.memory);
    for (const [wl, u] of Object.entries(s.workloads)) {
      if (u.cpu !== undefined) this.curves.set(`workload:${wl}:cpu`, u.cpu);
      if (u.memory !== undefined)
        this.curves.set(`workload:${wl}:memory`, u.memory);
    }
    for (const [svc, t] of Object.entries(s.traffic)) {
      this.curves.set(`service:${svc}:requestRate`, t.requestRate);
      this.curves.set(`service:${svc}:errorRate`, t.errorRate);
      this.curves.set(`service:${svc}:latencyP50`, t.latencyP50);
      this.curves.set(`service:${svc}:latencyP95`, t.latencyP95);
    }
    for (const g of s.generators) {
      for (let i = 1; i <= g.deployments; i++) {
        const wl = `${g.namespacePrefix}-${((i - 1) % g.namespaceCount) + 1}/${
          g.namePrefix
        }-${i}`;
        if (g.utilisation.cpu !== undefined)
          this.curves.set(`workload:${wl}:cpu`, g.utilisation.cpu);
        if (g.utilisation.memory !== undefined)
          this.curves.set(`workload:${wl}:memory`, g.utilisation.memory);
      }
    }
  }

  /** Builds the initial cluster state. Changes made here are not replayed to watches. */
  load(): void {
    const s = this.scenario;
    this.store.recording = false;
    try {
      const namespaces = new Map<string, Record<string, string>>();
      for (const ns of SYSTEM_NAMESPACES) namespaces.set(ns, {});
      for (const ns of s.namespaces) {
        if (typeof ns === 'string')
          namespaces.set(ns, namespaces.get(ns) ?? {});
        else namespaces.set(ns.name, ns.labels);
      }
      for (const g of s.generators) {
        for (let i = 1; i <= Math.min(g.namespaceCount, g.deployments); i++) {
          namespaces.set(`${g.namespacePrefix}-${i}`, {});
        }
      }
      for (const m of s.manifests) {
        if (m.kind === 'Namespace') namespaces.delete(m.metadata.name);
      }
      for (const [name, labels] of namespaces) {
        this.ops.create(
          T.namespaces,
          undefined,
          { metadata: { name, labels } },
          { manager: SIM_MANAGER },
        );
      }
      s.nodePools.forEach((pool, pi) => {
        for (let i = 0; i < pool.count; i++) this.addNode(pool, pi, i);
        this.poolCounts.set(pool.name, pool.count);
      });
      s.manifests.forEach((m, i) => this.createManifest(m, `manifests[${i}]`));
      s.generators.forEach((g, gi) => {
        for (let i = 1; i <= g.deployments; i++) {
          const ns = `${g.namespacePrefix}-${((i - 1) % g.namespaceCount) + 1}`;
          const name = `${g.namePrefix}-${i}`;
          const labels = { app: name, ...g.labels };
          this.createManifest(
            {
              apiVersion: 'apps/v1',
              kind: 'Deployment',
              metadata: { name, namespace: ns, labels },
              spec: {
                replicas: g.replicas,
                selector: { matchLabels: { app: name } },
                template: {
                  metadata: { labels },
                  spec: {
                    nodeSelector: { role: g.pool },
                    ...(g.tolerations.length
                      ? { tolerations: g.tolerations }
                      : {}),
                    containers: [
                      {
                        name: 'app',
                        image: g.image,
                        resources: {
                          requests: g.requests,
                          ...(g.limits ? { limits: g.limits } : {}),
                        },
                      },
                    ],
                  },
                },
              },
            },
            `generators[${gi}]`,
          );
        }
      });
      this.cluster.drain();
      for (const e of [
        ...this.store.values('horizontalpodautoscalers.autoscaling'),
      ])
        syncHpa(this.cluster, e.obj);
      this.cluster.drain();
    } finally {
      this.store.recording = true;
    }
    for (const ev of s.events) this.schedule(ev.at, ev);
  }

  private addNode(pool: NodePoolSpec, poolIndex: number, index: number): void {
    const node = buildNode(
      pool,
      poolIndex,
      index,
      this.scenario.cluster.region,
      this.scenario.cluster.kubernetesVersion,
      this.nowMs(),
    );
    if (this.store.get(T.nodes, undefined, node.metadata.name)) return;
    this.writer.create(T.nodes, node);
  }

  private createManifest(m: any, path: string): void {
    const type = findByKind(String(m.apiVersion), String(m.kind));
    if (!type)
      throw new ScenarioError(
        `Invalid scenario: ${path}: unsupported kind ${m.apiVersion} ${m.kind}`,
      );
    try {
      const obj = expandTimes(m, this.nowMs());
      this.ops.create(
        type,
        type.namespaced ? obj.metadata?.namespace ?? 'default' : undefined,
        obj,
        { manager: SIM_MANAGER },
      );
    } catch (e) {
      if (e instanceof ApiError) {
        throw new ScenarioError(
          `Invalid scenario: ${path} (${m.kind} ${m.metadata?.name}): ${e.message}`,
        );
      }
      throw e;
    }
  }

  /**
   * Serialises every object in the background (in slices, yielding to the event loop),
   * so the first LIST of a large scenario is as fast as later ones.
   */
  async warmJsonCache(slice = 5000): Promise<void> {
    for (const t of STORED_TYPES) {
      let n = 0;
      for (const e of [...this.store.values(resourceKey(t))]) {
        entryJson(e);
        if (++n % slice === 0) await new Promise(r => setImmediate(r));
      }
    }
  }

  /** Queues a timed event (scenario seconds). */
  schedule(at: number, ev: ScenarioEvent): void {
    this.push(at, `${ev.type}${describe(ev)}`, () => this.applyEvent(ev));
  }

  private push(at: number, label: string, run: () => void): void {
    this.timeline.push({ at, seq: this.seq++, label, run });
    this.timeline.sort((a, b) => a.at - b.at || a.seq - b.seq);
  }

  /** Applies an event now. */
  applyEvent(ev: ScenarioEvent): void {
    const at = this.elapsed();
    switch (ev.type) {
      case 'ramp': {
        const t = ev.target;
        // eslint-disable-next-line no-nested-ternary
        const key = t.pool
          ? `pool:${t.pool}:${ev.metric}`
          : t.workload
          ? `workload:${t.workload}:${ev.metric}`
          : `service:${t.service}:${ev.metric}`;
        const base = t.workload
          ? this.curves.value(`defaults:${ev.metric}`, at, 0.4)
          : 0;
        this.curves.ramp(key, base, at, ev.to, ev.over);
        break;
      }
      case 'nodeCondition': {
        const name = ev.node ?? this.poolNodeName(ev.pool!, ev.index);
        this.setNodeCondition(
          name,
          ev.condition,
          ev.status,
          ev.reason,
          ev.message,
        );
        if (ev.duration) {
          this.push(
            at + ev.duration,
            `nodeCondition ${name} ${ev.condition} recovered`,
            () => this.setNodeCondition(name, ev.condition, 'healthy'),
          );
        }
        break;
      }
      case 'crashLoop':
        this.cluster.setWorkloadCrash(ev.workload, {
          pods: ev.pods,
          exitCode: ev.exitCode,
          keys: new Set(),
        });
        if (ev.duration) {
          this.push(
            at + ev.duration,
            `crashLoop ${ev.workload} recovered`,
            () => this.cluster.setWorkloadCrash(ev.workload, undefined),
          );
        }
        break;
      case 'scale': {
        const [ns, name] = ev.workload.split('/');
        const type = this.store.get(T.deployments, ns, name)
          ? T.deployments
          : T.statefulsets;
        try {
          this.ops.setScale(
            type,
            ns,
            name,
            { spec: { replicas: ev.replicas } },
            { manager: SIM_MANAGER },
          );
        } catch {
          // workload missing: nothing to scale
        }
        break;
      }
      case 'scalePool': {
        const pi = this.scenario.nodePools.findIndex(p => p.name === ev.pool);
        if (pi < 0) break;
        const pool = this.scenario.nodePools[pi];
        const have = this.poolCounts.get(pool.name) ?? 0;
        for (let i = have; i < ev.count; i++) this.addNode(pool, pi, i);
        for (let i = have - 1; i >= ev.count; i--)
          this.writer.delete(T.nodes, undefined, nodeName(pool, i));
        this.poolCounts.set(pool.name, ev.count);
        this.cluster.drain();
        break;
      }
      default:
        break;
    }
  }

  private poolNodeName(pool: string, index: number): string {
    const spec = this.scenario.nodePools.find(p => p.name === pool);
    return spec ? nodeName(spec, index) : `${pool}-${index + 1}`;
  }

  private setNodeCondition(
    name: string,
    condition: string,
    status: 'True' | 'False' | 'Unknown' | 'healthy',
    reason?: string,
    message?: string,
  ): void {
    const node = this.store.get(T.nodes, undefined, name);
    if (!node) return;
    const wasReady = isNodeReady(node);
    const next = withNodeCondition(
      node,
      condition,
      status,
      this.nowMs(),
      reason,
      message,
    );
    this.writer.update(T.nodes, node, next);
    const ready = isNodeReady(next);
    if (wasReady !== ready) {
      this.cluster.events.record(
        next,
        ready ? 'NodeReady' : 'NodeNotReady',
        ready
          ? `Node ${name} status is now: NodeReady`
          : `Node ${name} status is now: NodeNotReady`,
        ready ? 'Normal' : 'Warning',
        ready ? 'kubelet' : 'node-controller',
      );
    }
    this.cluster.drain();
  }

  /** Processes scenario time up to the clock. */
  step(): void {
    this.runUntil(this.clock.elapsed());
  }

  /** Moves the clock forward and processes everything due. */
  advance(seconds: number): void {
    this.clock.advance(seconds);
    this.step();
  }

  private runUntil(target: number): void {
    if (this.stepping) return;
    this.stepping = true;
    const tick = this.scenario.simulation.tickSeconds;
    const hpaEvery = this.scenario.simulation.hpaSyncSeconds;
    try {
      while (
        this.processed < target ||
        (this.timeline[0] && this.timeline[0].at <= this.processed)
      ) {
        const nextEvent = this.timeline[0]?.at ?? Infinity;
        const next = Math.min(
          this.processed + tick,
          target,
          Math.max(nextEvent, this.processed),
        );
        const dt = next - this.processed;
        if (dt > 0) {
          this.traffic.accumulate(dt, (svc, metric, fb) =>
            this.curves.value(
              `service:${svc}:${metric}`,
              this.processed + dt / 2,
              fb,
            ),
          );
          this.processed = next;
        }
        while (this.timeline[0] && this.timeline[0].at <= this.processed) {
          const item = this.timeline.shift()!;
          this.applied.push({ at: this.processed, label: item.label });
          item.run();
        }
        this.cluster.tick(this.nowMs());
        if (this.processed - this.lastHpaSync >= hpaEvery) {
          this.lastHpaSync = this.processed;
          for (const e of [...this.store.values(resourceKey(T.hpas))])
            syncHpa(this.cluster, e.obj);
          this.cluster.drain();
        }
        for (const listener of this.tickListeners) listener();
        if (
          dt <= 0 &&
          !(this.timeline[0] && this.timeline[0].at <= this.processed)
        )
          break;
      }
    } finally {
      this.stepping = false;
    }
  }

  /** Upcoming timed events. */
  upcoming(): { at: number; label: string }[] {
    return this.timeline.map(t => ({ at: t.at, label: t.label }));
  }
}

function describe(ev: ScenarioEvent): string {
  switch (ev.type) {
    case 'ramp':
      return ` ${ev.target.pool ?? ev.target.workload ?? ev.target.service} ${
        ev.metric
      } → ${ev.to}`;
    case 'nodeCondition':
      return ` ${ev.node ?? `${ev.pool}[${ev.index}]`} ${ev.condition}=${
        ev.status
      }`;
    case 'crashLoop':
    case 'scale':
      return ` ${ev.workload}`;
    case 'scalePool':
      return ` ${ev.pool} → ${ev.count}`;
    default:
      return '';
  }
}

const TIME_RE = /^\$\{now(?:([+-])(\d+)([smhd]))?\}$/;
const UNIT_MS: Record<string, number> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** Replaces `${now}`, `${now-20h}`, `${now+3d}` strings with timestamps relative to the start. */
export function expandTimes(value: any, nowMs: number): any {
  if (typeof value === 'string') {
    const m = TIME_RE.exec(value);
    if (!m) return value;
    const offset = m[1]
      ? (m[1] === '-' ? -1 : 1) * Number(m[2]) * UNIT_MS[m[3]]
      : 0;
    return k8sTime(nowMs + offset);
  }
  if (Array.isArray(value)) return value.map(v => expandTimes(v, nowMs));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, expandTimes(v, nowMs)]),
    );
  }
  return value;
}
