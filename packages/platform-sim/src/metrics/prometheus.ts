/** `/metrics` in the Prometheus text exposition format (version 0.0.4). */
import { LATENCY_BUCKETS, TrafficModel } from './traffic';
import type { UsageModel } from './usage';
import type { ObjectStore } from '../store/ObjectStore';
import { isPodReady } from '../controller/pods';
import { serviceUp } from './serviceUp';
import { quantityOr } from '../util/quantity';

export const PROMETHEUS_CONTENT_TYPE =
  'text/plain; version=0.0.4; charset=utf-8';

function esc(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function labels(l: Record<string, string>): string {
  const parts = Object.entries(l).map(([k, v]) => `${k}="${esc(v)}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}

function num(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return Number.isInteger(v)
    ? String(v)
    : v.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
}

class Writer {
  readonly lines: string[] = [];

  family(
    name: string,
    type: 'gauge' | 'counter' | 'histogram',
    help: string,
  ): void {
    this.lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
  }

  sample(name: string, l: Record<string, string>, v: number): void {
    this.lines.push(`${name}${labels(l)} ${num(v)}`);
  }
}

export interface PrometheusInputs {
  cluster: string;
  store: ObjectStore;
  usage: UsageModel;
  traffic: TrafficModel;
  /** Include per-pod series (off for very large scenarios). */
  perPod: boolean;
}

/** Renders all platform metrics. */
export function renderMetrics(input: PrometheusInputs): string {
  const { cluster, store, usage, traffic } = input;
  const w = new Writer();
  w.family(
    'platform_sim_up',
    'gauge',
    'Whether the simulated cluster API is up (1) or not (0).',
  );
  w.sample('platform_sim_up', { cluster }, 1);

  const nodes = [...store.values('nodes')].map(e => e.obj);
  const nodeRows = nodes.map(n => ({
    n,
    u: usage.nodeUsage(n),
    pool: usage.poolOf(n),
  }));
  const gauges: [string, string, (u: any) => number][] = [
    [
      'node_cpu_usage_ratio',
      'CPU usage of the node as a fraction of allocatable CPU (0..1).',
      u => u.cpuRatio,
    ],
    [
      'node_memory_usage_ratio',
      'Memory usage of the node as a fraction of allocatable memory (0..1).',
      u => u.memoryRatio,
    ],
    [
      'node_disk_usage_ratio',
      'Root filesystem usage of the node as a fraction of its capacity (0..1).',
      u => u.diskRatio,
    ],
  ];
  for (const [name, help, f] of gauges) {
    w.family(name, 'gauge', help);
    for (const r of nodeRows)
      w.sample(
        name,
        { cluster, node: r.n.metadata.name, pool: r.pool },
        f(r.u),
      );
  }
  // node-exporter's root filesystem, as a DaemonSet with --path.rootfs reports
  // it: what the portal's informer cache reads disk usage from
  const fsLabels = (node: string) => ({
    cluster,
    node,
    instance: `${node}:9100`,
    device: '/dev/nvme0n1p1',
    fstype: 'xfs',
    mountpoint: '/',
  });
  w.family(
    'node_filesystem_size_bytes',
    'gauge',
    'Filesystem size in bytes (node-exporter).',
  );
  for (const r of nodeRows)
    w.sample(
      'node_filesystem_size_bytes',
      fsLabels(r.n.metadata.name),
      Math.round(r.u.diskCapacityBytes),
    );
  w.family(
    'node_filesystem_avail_bytes',
    'gauge',
    'Filesystem space available to non-root users in bytes (node-exporter).',
  );
  for (const r of nodeRows)
    w.sample(
      'node_filesystem_avail_bytes',
      fsLabels(r.n.metadata.name),
      Math.round(r.u.diskCapacityBytes - r.u.diskUsedBytes),
    );
  w.family(
    'kube_node_status_condition',
    'gauge',
    'The condition of a cluster node (1 for the status the condition has).',
  );
  for (const n of nodes) {
    for (const c of n.status?.conditions ?? []) {
      for (const s of ['true', 'false', 'unknown']) {
        w.sample(
          'kube_node_status_condition',
          { cluster, node: n.metadata.name, condition: c.type, status: s },
          String(c.status).toLowerCase() === s ? 1 : 0,
        );
      }
    }
  }

  // per workload (deployments)
  const cpuByWorkload = new Map<
    string,
    {
      ns: string;
      name: string;
      used: number;
      req: number;
      restarts: number;
      ready: number;
      pods: number;
    }
  >();
  for (const e of store.values('pods')) {
    const p = e.obj;
    if (!p.spec?.nodeName || p.status?.phase !== 'Running') continue;
    const wl = usage.workloadOf(p);
    let row = cpuByWorkload.get(wl);
    if (!row) {
      const [ns, name] = wl.split('/');
      row = { ns, name, used: 0, req: 0, restarts: 0, ready: 0, pods: 0 };
      cpuByWorkload.set(wl, row);
    }
    row.pods++;
    if (isPodReady(p)) row.ready++;
    for (const cs of p.status?.containerStatuses ?? [])
      row.restarts += cs.restartCount ?? 0;
    if (input.perPod || row.pods <= 20) {
      const u = usage.podUsage(p);
      for (const [i, c] of (p.spec.containers ?? []).entries()) {
        row.used += u[i]?.cpuCores ?? 0;
        row.req += quantityOr(
          c.resources?.requests?.cpu ?? c.resources?.limits?.cpu,
          0.1,
        );
      }
    }
  }
  w.family(
    'container_cpu_usage_ratio',
    'gauge',
    "CPU usage of a workload's running containers as a fraction of their CPU requests.",
  );
  for (const r of cpuByWorkload.values()) {
    if (r.req > 0)
      w.sample(
        'container_cpu_usage_ratio',
        { cluster, namespace: r.ns, workload: r.name },
        r.used / r.req,
      );
  }
  w.family('kube_workload_pods_ready', 'gauge', 'Ready pods of a workload.');
  for (const r of cpuByWorkload.values())
    w.sample(
      'kube_workload_pods_ready',
      { cluster, namespace: r.ns, workload: r.name },
      r.ready,
    );
  w.family(
    'kube_workload_container_restarts_total',
    'counter',
    "Container restarts of a workload's current pods.",
  );
  for (const r of cpuByWorkload.values())
    w.sample(
      'kube_workload_container_restarts_total',
      { cluster, namespace: r.ns, workload: r.name },
      r.restarts,
    );

  w.family(
    'kube_horizontalpodautoscaler_status_current_replicas',
    'gauge',
    'Current number of replicas of pods managed by this autoscaler.',
  );
  const hpas = [...store.values('horizontalpodautoscalers.autoscaling')].map(
    e => e.obj,
  );
  for (const h of hpas)
    w.sample(
      'kube_horizontalpodautoscaler_status_current_replicas',
      {
        cluster,
        namespace: h.metadata.namespace,
        horizontalpodautoscaler: h.metadata.name,
      },
      h.status?.currentReplicas ?? 0,
    );
  w.family(
    'kube_horizontalpodautoscaler_status_desired_replicas',
    'gauge',
    'Desired number of replicas of pods managed by this autoscaler.',
  );
  for (const h of hpas)
    w.sample(
      'kube_horizontalpodautoscaler_status_desired_replicas',
      {
        cluster,
        namespace: h.metadata.namespace,
        horizontalpodautoscaler: h.metadata.name,
      },
      h.status?.desiredReplicas ?? 0,
    );
  w.family(
    'kube_horizontalpodautoscaler_spec_max_replicas',
    'gauge',
    'Upper limit for the number of pods that can be set by the autoscaler.',
  );
  for (const h of hpas)
    w.sample(
      'kube_horizontalpodautoscaler_spec_max_replicas',
      {
        cluster,
        namespace: h.metadata.namespace,
        horizontalpodautoscaler: h.metadata.name,
      },
      h.spec?.maxReplicas ?? 0,
    );

  w.family(
    'http_requests_total',
    'counter',
    'HTTP requests served by a platform service, by status code.',
  );
  for (const [service, c] of traffic.counters) {
    w.sample(
      'http_requests_total',
      { cluster, service, status: '200' },
      Math.floor(c.ok),
    );
    w.sample(
      'http_requests_total',
      { cluster, service, status: '500' },
      Math.floor(c.errors),
    );
  }
  w.family(
    'http_request_duration_seconds',
    'histogram',
    'HTTP request latency of a platform service.',
  );
  for (const [service, c] of traffic.counters) {
    const total = Math.floor(c.count);
    LATENCY_BUCKETS.forEach((le, i) => {
      w.sample(
        'http_request_duration_seconds_bucket',
        { cluster, service, le: String(le) },
        Math.min(total, Math.floor(c.buckets[i])),
      );
    });
    w.sample(
      'http_request_duration_seconds_bucket',
      { cluster, service, le: '+Inf' },
      total,
    );
    w.sample('http_request_duration_seconds_sum', { cluster, service }, c.sum);
    w.sample(
      'http_request_duration_seconds_count',
      { cluster, service },
      total,
    );
  }
  w.family(
    'service_up',
    'gauge',
    'Whether a simulated platform service is up (1) or down (0).',
  );
  for (const service of traffic.counters.keys())
    w.sample('service_up', { cluster, service }, serviceUp(store, service));
  return `${w.lines.join('\n')}\n`;
}
