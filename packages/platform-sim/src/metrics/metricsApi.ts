/** metrics.k8s.io/v1beta1 objects and the kubelet stats summary, computed from the usage model. */
import type { ObjectStore } from '../store/ObjectStore';
import type { UsageModel } from './usage';
import { formatKi, formatNanoCores } from '../util/quantity';
import { k8sTime } from '../util/clock';
import { isNodeReady } from '../controller/nodes';
import { LabelRequirement, matchesLabels } from '../api/selectors';

const WINDOW = '20.05s';

export function nodeMetrics(node: any, usage: UsageModel, nowMs: number): any {
  const u = usage.nodeUsage(node);
  return {
    kind: 'NodeMetrics',
    apiVersion: 'metrics.k8s.io/v1beta1',
    metadata: {
      name: node.metadata.name,
      creationTimestamp: k8sTime(nowMs),
      labels: node.metadata.labels ?? {},
    },
    timestamp: k8sTime(nowMs - 10_000),
    window: WINDOW,
    usage: {
      cpu: formatNanoCores(u.cpuCores),
      memory: formatKi(u.memoryBytes),
    },
  };
}

export function podMetrics(pod: any, usage: UsageModel, nowMs: number): any {
  return {
    kind: 'PodMetrics',
    apiVersion: 'metrics.k8s.io/v1beta1',
    metadata: {
      name: pod.metadata.name,
      namespace: pod.metadata.namespace,
      creationTimestamp: k8sTime(nowMs),
      labels: pod.metadata.labels ?? {},
    },
    timestamp: k8sTime(nowMs - 10_000),
    window: WINDOW,
    containers: usage.podUsage(pod).map(c => ({
      name: c.name,
      usage: {
        cpu: formatNanoCores(c.cpuCores),
        memory: formatKi(c.memoryBytes),
      },
    })),
  };
}

/** Nodes metrics-server would report (Ready nodes). */
export function listNodeMetrics(
  store: ObjectStore,
  usage: UsageModel,
  nowMs: number,
  labels: LabelRequirement[],
): any[] {
  const out: any[] = [];
  for (const e of store.entries('nodes')) {
    if (!isNodeReady(e.obj) || !matchesLabels(labels, e.obj.metadata.labels))
      continue;
    out.push(nodeMetrics(e.obj, usage, nowMs));
  }
  return out;
}

/** Running pods' metrics. */
export function listPodMetrics(
  store: ObjectStore,
  usage: UsageModel,
  nowMs: number,
  namespace: string | undefined,
  labels: LabelRequirement[],
): any[] {
  const out: any[] = [];
  for (const e of store.entries('pods', namespace)) {
    const p = e.obj;
    if (
      p.status?.phase !== 'Running' ||
      !matchesLabels(labels, p.metadata.labels)
    )
      continue;
    out.push(podMetrics(p, usage, nowMs));
  }
  return out;
}

/** `/api/v1/nodes/{node}/proxy/stats/summary` as the kubelet serves it (subset). */
export function statsSummary(
  node: any,
  pods: any[],
  usage: UsageModel,
  nowMs: number,
): any {
  const u = usage.nodeUsage(node);
  const time = k8sTime(nowMs);
  const startTime = node.metadata.creationTimestamp;
  const elapsedSec = Math.max(1, (nowMs - Date.parse(startTime)) / 1000);
  const memAvail = Math.max(0, u.allocatableMemory - u.memoryBytes);
  return {
    node: {
      nodeName: node.metadata.name,
      systemContainers: [],
      startTime,
      cpu: {
        time,
        usageNanoCores: Math.round(u.cpuCores * 1e9),
        usageCoreNanoSeconds: Math.round(u.cpuCores * 1e9 * elapsedSec),
      },
      memory: {
        time,
        availableBytes: Math.round(memAvail),
        usageBytes: Math.round(u.memoryBytes * 1.1),
        workingSetBytes: Math.round(u.memoryBytes),
        rssBytes: Math.round(u.memoryBytes * 0.8),
        pageFaults: 0,
        majorPageFaults: 0,
      },
      network: {
        time,
        name: 'eth0',
        rxBytes: 0,
        rxErrors: 0,
        txBytes: 0,
        txErrors: 0,
      },
      fs: {
        time,
        availableBytes: Math.round(u.diskCapacityBytes - u.diskUsedBytes),
        capacityBytes: Math.round(u.diskCapacityBytes),
        usedBytes: Math.round(u.diskUsedBytes),
        inodesFree: 6000000,
        inodes: 6553600,
        inodesUsed: 553600,
      },
      runtime: {
        imageFs: {
          time,
          availableBytes: Math.round(u.diskCapacityBytes - u.diskUsedBytes),
          capacityBytes: Math.round(u.diskCapacityBytes),
          usedBytes: Math.round(u.diskUsedBytes * 0.6),
        },
      },
      rlimit: { time, maxpid: 4194304, curproc: 400 + pods.length * 12 },
    },
    pods: pods.map(p => {
      const cs = usage.podUsage(p);
      const cpu = cs.reduce((a, c) => a + c.cpuCores, 0);
      const mem = cs.reduce((a, c) => a + c.memoryBytes, 0);
      return {
        podRef: {
          name: p.metadata.name,
          namespace: p.metadata.namespace,
          uid: p.metadata.uid,
        },
        startTime: p.status?.startTime,
        containers: cs.map(c => ({
          name: c.name,
          startTime: p.status?.startTime,
          cpu: { time, usageNanoCores: Math.round(c.cpuCores * 1e9) },
          memory: { time, workingSetBytes: Math.round(c.memoryBytes) },
        })),
        cpu: { time, usageNanoCores: Math.round(cpu * 1e9) },
        memory: { time, workingSetBytes: Math.round(mem) },
        'ephemeral-storage': { time, usedBytes: 32768 },
      };
    }),
  };
}
