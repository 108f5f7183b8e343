/**
 * The simulated control plane behind the API: indexes kept in step with the store,
 * the scheduler, and a work queue of objects to reconcile. Writers call {@link Cluster.drain}
 * after a change, so controllers run to a fixpoint before the response is sent.
 */
import { findResource, ResourceType } from '../api/resources';
import { ChangeEvent, ObjectStore, objectKey } from '../store/ObjectStore';
import { ObjectWriter } from '../store/ObjectWriter';
import { Scheduler } from './scheduler';
import { EventRecorder } from './events';
import { isNodeReady } from './nodes';
import {
  runningStatus,
  unschedulableStatus,
  RunState,
  isPodActive,
} from './pods';
import {
  reconcileDaemonSet,
  reconcileDeployment,
  reconcileJob,
  reconcileReplicaSet,
  reconcileStatefulSet,
} from './workloads';
import { syncHpa } from './hpa';
import type { UsageModel } from '../metrics/usage';

export const T = {
  pods: findResource('', 'v1', 'pods')!,
  nodes: findResource('', 'v1', 'nodes')!,
  namespaces: findResource('', 'v1', 'namespaces')!,
  deployments: findResource('apps', 'v1', 'deployments')!,
  replicasets: findResource('apps', 'v1', 'replicasets')!,
  statefulsets: findResource('apps', 'v1', 'statefulsets')!,
  daemonsets: findResource('apps', 'v1', 'daemonsets')!,
  jobs: findResource('batch', 'v1', 'jobs')!,
  hpas: findResource('autoscaling', 'v2', 'horizontalpodautoscalers')!,
};

const WORKLOADS: Record<string, ResourceType> = {
  'deployments.apps': T.deployments,
  'replicasets.apps': T.replicasets,
  'statefulsets.apps': T.statefulsets,
  'daemonsets.apps': T.daemonsets,
  'jobs.batch': T.jobs,
};
const KIND_TO_RESOURCE: Record<string, string> = {
  Deployment: 'deployments.apps',
  ReplicaSet: 'replicasets.apps',
  StatefulSet: 'statefulsets.apps',
  DaemonSet: 'daemonsets.apps',
  Job: 'jobs.batch',
};

/** Crash loop state of one pod. */
export interface CrashState {
  restartCount: number;
  exitCode: number;
  lastStart: number;
  lastFinish: number;
  nextRestart: number;
  /** Still crashing (false = recovered, restart count kept). */
  active: boolean;
}

/** Crash loop configured for a workload. */
export interface WorkloadCrash {
  pods?: number;
  exitCode: number;
  /** Pods chosen to crash. */
  keys: Set<string>;
}

export class Cluster {
  readonly scheduler = new Scheduler();
  readonly events: EventRecorder;
  /** owner uid → child keys ("resource|ns/name"). */
  private readonly children = new Map<string, Set<string>>();
  /** pod key → node name. */
  private readonly podsByNode = new Map<string, Set<string>>();
  private readonly dirty = new Set<string>();
  private readonly toSchedule = new Set<string>();
  private readonly pending = new Set<string>();
  private pendingCapacityVersion = -1;
  private readonly gcQueue: { resource: string; uid: string }[] = [];
  private readonly nodeRefresh = new Set<string>();
  /** Pod key → start time and IP once running. */
  private readonly podRuntime = new Map<
    string,
    { ip: string; start: number }
  >();
  readonly crashes = new Map<string, CrashState>();
  readonly workloadCrashes = new Map<string, WorkloadCrash>();
  /** Replicas a workload had when first seen: the load it was sized for. */
  readonly referenceReplicas = new Map<string, number>();
  private ipCounter = 0;
  private draining = false;
  usage?: UsageModel;

  constructor(
    readonly store: ObjectStore,
    readonly writer: ObjectWriter,
    maxEvents: number,
    readonly crashRestartSeconds: number,
  ) {
    this.events = new EventRecorder(writer, maxEvents);
    store.onAnyChange(ev => this.onChange(ev));
  }

  now(): number {
    return this.writer.now();
  }

  private ref(resource: string, key: string): string {
    return `${resource}|${key}`;
  }

  private onChange(ev: ChangeEvent): void {
    const obj = ev.entry.obj;
    const key = ev.entry.key;
    const deleted = ev.type === 'DELETED';
    const owner = (obj.metadata.ownerReferences ?? []).find(
      (o: any) => o.controller,
    );
    if (owner) {
      const ownerResource = KIND_TO_RESOURCE[owner.kind];
      let set = this.children.get(owner.uid);
      if (!deleted) {
        if (!set) this.children.set(owner.uid, (set = new Set()));
        set.add(this.ref(ev.resource, key));
      } else {
        set?.delete(this.ref(ev.resource, key));
      }
      if (ownerResource) {
        this.dirty.add(
          this.ref(
            ownerResource,
            objectKey(obj.metadata.namespace, owner.name),
          ),
        );
      }
    }
    switch (ev.resource) {
      case 'pods': {
        this.scheduler.accountPod(key, deleted ? undefined : obj);
        const prevNode = ev.old?.spec?.nodeName;
        const node = deleted ? undefined : obj.spec?.nodeName;
        if (prevNode && prevNode !== node)
          this.podsByNode.get(prevNode)?.delete(key);
        if (node) {
          let s = this.podsByNode.get(node);
          if (!s) this.podsByNode.set(node, (s = new Set()));
          s.add(key);
        }
        if (deleted) {
          this.toSchedule.delete(key);
          this.pending.delete(key);
          this.podRuntime.delete(key);
          this.crashes.delete(key);
        } else if (!node && isPodActive(obj)) {
          this.toSchedule.add(key);
        } else {
          this.pending.delete(key);
        }
        break;
      }
      case 'nodes':
        if (deleted) {
          this.scheduler.removeNode(obj.metadata.name);
          this.nodeRefresh.add(obj.metadata.name);
        } else {
          this.scheduler.upsertNode(obj);
          if (!ev.old || isNodeReady(ev.old) !== isNodeReady(obj)) {
            this.nodeRefresh.add(obj.metadata.name);
          }
        }
        if (ev.type !== 'MODIFIED') {
          for (const e of this.store.values('daemonsets.apps'))
            this.dirty.add(this.ref('daemonsets.apps', e.key));
        }
        break;
      case 'horizontalpodautoscalers.autoscaling':
        if (ev.type === 'ADDED') this.dirty.add(this.ref(ev.resource, key));
        break;
      default:
        if (WORKLOADS[ev.resource]) {
          if (!deleted) {
            this.dirty.add(this.ref(ev.resource, key));
            const wk = `${obj.metadata.namespace}/${obj.metadata.name}`;
            if (
              ev.type === 'ADDED' &&
              !owner &&
              typeof obj.spec?.replicas === 'number'
            ) {
              this.referenceReplicas.set(wk, Math.max(1, obj.spec.replicas));
            }
          }
        }
        break;
    }
    if (deleted && obj.metadata.uid && this.children.has(obj.metadata.uid)) {
      this.gcQueue.push({ resource: ev.resource, uid: obj.metadata.uid });
    }
  }

  /** Keys of objects a given owner controls. */
  childrenOf(uid: string, resource: string): string[] {
    const out: string[] = [];
    for (const r of this.children.get(uid) ?? []) {
      const i = r.indexOf('|');
      if (r.slice(0, i) === resource) out.push(r.slice(i + 1));
    }
    return out;
  }

  /** Child objects of an owner. */
  childObjects(uid: string, resource: string): any[] {
    const out: any[] = [];
    for (const k of this.childrenOf(uid, resource)) {
      const e = this.store.getEntry(resource, k);
      if (e) out.push(e.obj);
    }
    return out;
  }

  podsOnNode(node: string): string[] {
    return [...(this.podsByNode.get(node) ?? [])];
  }

  nextPodIP(): string {
    const n = this.ipCounter++;
    return `10.${100 + ((n >> 16) & 127)}.${(n >> 8) & 255}.${n & 255}`;
  }

  /** Status of a pod placed on `nodeName`, given node readiness and crash state. */
  podStatusOn(pod: any, nodeName: string): any {
    const node = this.store.get('nodes', undefined, nodeName);
    const key = objectKey(pod.metadata.namespace, pod.metadata.name);
    let rt = this.podRuntime.get(key);
    if (!rt) {
      rt = { ip: this.nextPodIP(), start: this.now() };
      this.podRuntime.set(key, rt);
    }
    const hostIP =
      (node?.status?.addresses ?? []).find((a: any) => a.type === 'InternalIP')
        ?.address ?? '10.0.0.1';
    const crash = this.crashes.get(key);
    const state: RunState = {
      nodeReady: node ? isNodeReady(node) : false,
      crash: crash?.active ? crash : undefined,
      restarts: crash?.restartCount,
      succeeded: pod.status?.phase === 'Succeeded',
    };
    return runningStatus(pod, hostIP, rt.ip, rt.start, this.now(), state);
  }

  /** Places a new pod and returns it with spec.nodeName and status set (not stored). */
  placeNew(pod: any): any {
    const result = this.scheduler.schedule(pod.spec);
    const key = objectKey(pod.metadata.namespace, pod.metadata.name);
    if (result.node) {
      pod.spec.nodeName = result.node;
      this.maybeStartCrash(pod, key);
      pod.status = this.podStatusOn(pod, result.node);
      return pod;
    }
    pod.status = unschedulableStatus(pod, this.now(), result.message ?? '');
    return pod;
  }

  private maybeStartCrash(pod: any, key: string): void {
    const wl = this.usage?.workloadOf(pod);
    const crash = wl ? this.workloadCrashes.get(wl) : undefined;
    if (!crash || this.crashes.has(key)) return;
    if (crash.pods !== undefined) {
      let n = 0;
      for (const k of crash.keys) if (this.crashes.get(k)?.active) n++;
      if (n >= crash.pods) return;
    }
    crash.keys.add(key);
    const now = this.now();
    this.crashes.set(key, {
      restartCount: 1,
      exitCode: crash.exitCode,
      lastStart: now,
      lastFinish: now,
      nextRestart: now + this.crashRestartSeconds * 1000,
      active: true,
    });
  }

  /** Runs controllers until nothing is left to do. */
  drain(): void {
    if (this.draining) return;
    this.draining = true;
    try {
      for (let guard = 0; guard < 1_000_000; guard++) {
        if (this.gcQueue.length) {
          this.collectGarbage(this.gcQueue.shift()!);
          continue;
        }
        if (this.nodeRefresh.size) {
          const name = this.nodeRefresh.values().next().value as string;
          this.nodeRefresh.delete(name);
          this.refreshNodePods(name);
          continue;
        }
        if (this.dirty.size) {
          const ref = this.dirty.values().next().value as string;
          this.dirty.delete(ref);
          this.reconcile(ref);
          continue;
        }
        if (this.toSchedule.size) {
          const key = this.toSchedule.values().next().value as string;
          this.toSchedule.delete(key);
          this.schedulePod(key);
          continue;
        }
        if (
          this.pending.size &&
          this.pendingCapacityVersion !== this.scheduler.capacityVersion
        ) {
          this.pendingCapacityVersion = this.scheduler.capacityVersion;
          for (const key of this.pending) this.toSchedule.add(key);
          this.pending.clear();
          continue;
        }
        break;
      }
    } finally {
      this.draining = false;
    }
  }

  markDirty(resource: string, key: string): void {
    this.dirty.add(this.ref(resource, key));
  }

  private reconcile(ref: string): void {
    const i = ref.indexOf('|');
    const resource = ref.slice(0, i);
    const key = ref.slice(i + 1);
    const entry = this.store.getEntry(resource, key);
    if (!entry) return;
    switch (resource) {
      case 'deployments.apps':
        reconcileDeployment(this, entry.obj);
        break;
      case 'replicasets.apps':
        reconcileReplicaSet(this, entry.obj);
        break;
      case 'statefulsets.apps':
        reconcileStatefulSet(this, entry.obj);
        break;
      case 'daemonsets.apps':
        reconcileDaemonSet(this, entry.obj);
        break;
      case 'jobs.batch':
        reconcileJob(this, entry.obj);
        break;
      case 'horizontalpodautoscalers.autoscaling':
        syncHpa(this, entry.obj);
        break;
      default:
        break;
    }
  }

  private schedulePod(key: string): void {
    const pod = this.store.getEntry('pods', key)?.obj;
    if (!pod || pod.spec?.nodeName || !isPodActive(pod)) return;
    const result = this.scheduler.schedule(pod.spec);
    if (result.node) {
      const next = {
        ...pod,
        metadata: { ...pod.metadata },
        spec: { ...pod.spec, nodeName: result.node },
      };
      this.maybeStartCrash(next, key);
      next.status = this.podStatusOn(next, result.node);
      this.writer.update(T.pods, pod, next);
      this.events.record(
        next,
        'Scheduled',
        `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${result.node}`,
        'Normal',
        'default-scheduler',
      );
      return;
    }
    this.pending.add(key);
    const prevMsg = (pod.status?.conditions ?? []).find(
      (c: any) => c.type === 'PodScheduled',
    )?.message;
    if (prevMsg !== result.message) {
      const next = {
        ...pod,
        metadata: { ...pod.metadata },
        status: unschedulableStatus(pod, this.now(), result.message ?? ''),
      };
      this.writer.update(T.pods, pod, next);
      this.events.record(
        next,
        'FailedScheduling',
        result.message ?? '',
        'Warning',
        'default-scheduler',
      );
    }
  }

  /** Re-derives status of pods on a node (readiness follows the node), or evicts them if it is gone. */
  private refreshNodePods(nodeName: string): void {
    const nodeExists = this.scheduler.hasNode(nodeName);
    for (const key of this.podsOnNode(nodeName)) {
      const pod = this.store.getEntry('pods', key)?.obj;
      if (!pod) continue;
      if (!nodeExists) {
        this.writer.delete(T.pods, pod.metadata.namespace, pod.metadata.name);
        continue;
      }
      if (!isPodActive(pod)) continue;
      this.refreshPod(pod);
    }
  }

  /** Rewrites a scheduled pod's status from current node/crash state. */
  refreshPod(pod: any): void {
    if (!pod.spec?.nodeName) return;
    const next = {
      ...pod,
      metadata: { ...pod.metadata },
      status: this.podStatusOn(pod, pod.spec.nodeName),
    };
    this.writer.updateIfChanged(T.pods, pod, next);
  }

  private collectGarbage(item: { resource: string; uid: string }): void {
    const refs = this.children.get(item.uid);
    this.children.delete(item.uid);
    for (const r of refs ?? []) {
      const i = r.indexOf('|');
      const resource = r.slice(0, i);
      const key = r.slice(i + 1);
      const e = this.store.getEntry(resource, key);
      if (!e) continue;
      const type = resource === 'pods' ? T.pods : WORKLOADS[resource];
      if (type)
        this.writer.delete(type, e.obj.metadata.namespace, e.obj.metadata.name);
    }
  }

  /** Periodic work: crash loop restarts and job completion. */
  tick(nowMs: number): void {
    for (const [key, crash] of this.crashes) {
      if (!crash.active || nowMs < crash.nextRestart) continue;
      crash.restartCount += 1;
      crash.lastStart = crash.nextRestart;
      crash.lastFinish = crash.nextRestart + 1000;
      crash.nextRestart = nowMs + Math.max(this.crashRestartSeconds, 1) * 1000;
      const pod = this.store.getEntry('pods', key)?.obj;
      if (pod) {
        this.refreshPod(pod);
        this.events.record(
          pod,
          'BackOff',
          `Back-off restarting failed container ${pod.spec.containers?.[0]?.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`,
          'Warning',
          'kubelet',
        );
      }
    }
    for (const e of this.store.values('jobs.batch')) {
      const job = e.obj;
      const runSeconds = Number(
        job.metadata.annotations?.['sim.fdp.io/run-seconds'] ??
          job.spec?.template?.metadata?.annotations?.['sim.fdp.io/run-seconds'],
      );
      if (!(runSeconds > 0)) continue;
      for (const pod of this.childObjects(job.metadata.uid, 'pods')) {
        if (pod.status?.phase !== 'Running') continue;
        const rt = this.podRuntime.get(
          objectKey(pod.metadata.namespace, pod.metadata.name),
        );
        if (rt && nowMs - rt.start >= runSeconds * 1000) {
          const done = {
            ...pod,
            metadata: { ...pod.metadata },
            status: { ...pod.status, phase: 'Succeeded' },
          };
          done.status = this.podStatusOn(done, pod.spec.nodeName);
          this.writer.update(T.pods, pod, done);
        }
      }
    }
    this.drain();
  }

  /** Starts or stops a crash loop for a workload ("ns/name"). */
  setWorkloadCrash(workload: string, crash: WorkloadCrash | undefined): void {
    if (crash) this.workloadCrashes.set(workload, crash);
    else this.workloadCrashes.delete(workload);
    const [ns] = workload.split('/');
    const pods: any[] = [];
    for (const e of this.store.entries('pods', ns)) {
      if (this.usage?.workloadOf(e.obj) === workload) pods.push(e.obj);
    }
    if (crash) {
      const chosen = pods
        .filter(p => p.spec?.nodeName)
        .slice(0, crash.pods ?? pods.length);
      for (const pod of chosen) {
        const key = objectKey(pod.metadata.namespace, pod.metadata.name);
        crash.keys.add(key);
        const prev = this.crashes.get(key);
        const now = this.now();
        this.crashes.set(key, {
          restartCount: (prev?.restartCount ?? 0) + 1,
          exitCode: crash.exitCode,
          lastStart: now,
          lastFinish: now,
          nextRestart: now + this.crashRestartSeconds * 1000,
          active: true,
        });
        this.refreshPod(pod);
      }
    } else {
      for (const pod of pods) {
        const c = this.crashes.get(
          objectKey(pod.metadata.namespace, pod.metadata.name),
        );
        if (c) {
          c.active = false;
          this.refreshPod(pod);
        }
      }
    }
    this.drain();
  }
}
