/**
 * The values alert rules compare, taken from the same model `/metrics` exposes: node
 * cpu/memory/disk ratios (rounded like the exposition), and per service the error ratio,
 * p95/p99 latency (histogram_quantile over bucket increases) and request rate over a
 * window of recorded counter snapshots (like `rate(…[5m])`), and `service_up`.
 */
import { serviceUp } from '../metrics/serviceUp';
import { LATENCY_BUCKETS } from '../metrics/traffic';
import type { Simulation } from '../sim/Simulation';
import type { Labels } from './matchers';

export interface SeriesValue {
  labels: Labels;
  value: number;
  /** Stable identity of the series (defaults to its label values). */
  key?: string;
}

interface CounterSnapshot {
  t: number;
  services: Map<string, { errors: number; count: number; buckets: number[] }>;
}

/** Rounds like the `/metrics` exposition (6 decimals). */
export function exposed(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** Prometheus' `histogram_quantile` over cumulative bucket counts (last = +Inf). */
export function histogramQuantile(
  q: number,
  bounds: number[],
  cumulative: number[],
): number {
  const total = cumulative[cumulative.length - 1];
  if (!(total > 0)) return NaN;
  const rank = q * total;
  let i = 0;
  while (i < cumulative.length - 1 && cumulative[i] < rank) i++;
  if (i === bounds.length) return bounds[bounds.length - 1];
  let start = 0;
  let countBefore = 0;
  if (i > 0) {
    start = bounds[i - 1];
    countBefore = cumulative[i - 1];
  }
  const end = bounds[i];
  const inBucket = cumulative[i] - countBefore;
  if (inBucket <= 0) return end;
  return start + ((end - start) * (rank - countBefore)) / inBucket;
}

export class SimMetrics {
  private readonly history: CounterSnapshot[] = [];
  private nodeCache?: { t: number; rows: NodeRow[] };
  private readonly nodeLabels = new Map<string, Labels>();

  constructor(
    private readonly sim: Simulation,
    /** Longest window kept (seconds). */
    private readonly keepSeconds = 3600,
  ) {}

  private get cluster(): string {
    return this.sim.scenario.cluster.name;
  }

  /** Records the traffic counters at the current scenario time (called every tick). */
  record(): void {
    const t = this.sim.elapsed();
    const last = this.history[this.history.length - 1];
    if (last && last.t >= t) return;
    const services = new Map<
      string,
      { errors: number; count: number; buckets: number[] }
    >();
    for (const [svc, c] of this.sim.traffic.counters)
      services.set(svc, {
        errors: c.errors,
        count: c.count,
        buckets: [...c.buckets],
      });
    this.history.push({ t, services });
    while (this.history.length > 2 && this.history[0].t < t - this.keepSeconds)
      this.history.shift();
  }

  /** Node ratios (cpu, memory, disk) with cluster/node/pool labels. */
  nodeRows(): NodeRow[] {
    const t = this.sim.elapsed();
    if (this.nodeCache?.t === t) return this.nodeCache.rows;
    const rows: NodeRow[] = [];
    for (const e of this.sim.store.values('nodes')) {
      const n = e.obj;
      const u = this.sim.usage.nodeRatios(n);
      const name: string = n.metadata.name;
      let labels = this.nodeLabels.get(name);
      if (!labels) {
        labels = {
          cluster: this.cluster,
          node: name,
          pool: this.sim.usage.poolOf(n),
        };
        this.nodeLabels.set(name, labels);
      }
      rows.push({
        labels,
        cpu: exposed(u.cpuRatio),
        memory: exposed(u.memoryRatio),
        disk: exposed(u.diskRatio),
      });
    }
    this.nodeCache = { t, rows };
    return rows;
  }

  nodeSeries(metric: 'cpu' | 'memory' | 'disk'): SeriesValue[] {
    return this.nodeRows().map(r => ({
      labels: r.labels,
      value: r[metric],
      key: r.labels.node,
    }));
  }

  /**
   * Per service value over `windowSeconds`. `byLabels` (from a `by (…)` clause) selects which of
   * `cluster`/`service` the result keeps; without it both are kept.
   */
  serviceSeries(
    metric: 'errorRatio' | 'p95' | 'p99' | 'requestRate' | 'up',
    windowSeconds: number,
    byLabels?: string[],
  ): SeriesValue[] {
    const labelsOf = (service: string): Labels => {
      const all: Labels = { cluster: this.cluster, service };
      if (!byLabels) return all;
      const out: Labels = {};
      for (const k of byLabels) if (all[k] !== undefined) out[k] = all[k];
      return out;
    };
    const out: SeriesValue[] = [];
    if (metric === 'up') {
      for (const service of this.sim.traffic.counters.keys())
        out.push({
          labels: labelsOf(service),
          value: serviceUp(this.sim.store, service),
        });
      return out;
    }
    const now = this.history[this.history.length - 1];
    if (!now) return out;
    const from = this.history.find(s => s.t >= now.t - windowSeconds);
    if (!from || from.t >= now.t) return out;
    const dt = now.t - from.t;
    for (const [service, c] of now.services) {
      const p = from.services.get(service);
      if (!p) continue;
      const count = c.count - p.count;
      let value: number;
      if (metric === 'requestRate') value = count / dt;
      else if (metric === 'errorRatio') {
        if (!(count > 0)) continue;
        value = (c.errors - p.errors) / count;
      } else {
        const cumulative = [
          ...c.buckets.map((b, i) => Math.min(b, c.count) - p.buckets[i]),
          count,
        ];
        value = histogramQuantile(
          metric === 'p95' ? 0.95 : 0.99,
          LATENCY_BUCKETS,
          cumulative,
        );
        if (Number.isNaN(value)) continue;
      }
      out.push({ labels: labelsOf(service), value });
    }
    return out;
  }
}

export interface NodeRow {
  labels: Labels;
  cpu: number;
  memory: number;
  disk: number;
}
