/**
 * Simulated HTTP traffic of services: request counters by status and a latency histogram,
 * accumulated over scenario time so counters are monotonic.
 */
export const LATENCY_BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 on erf). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) *
      t +
      0.254829592) *
      t *
      Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** The log-normal distribution (mu, sigma of the log) with this median and 95th percentile. */
function logNormal(p50: number, p95: number): { mu: number; sigma: number } {
  const mu = Math.log(Math.max(p50, 1e-6));
  const sigma = Math.max(
    1e-6,
    (Math.log(Math.max(p95, p50 * 1.0001)) - mu) / 1.6448536,
  );
  return { mu, sigma };
}

/** Log-normal latency distribution from its median and 95th percentile. */
export function latencyCdf(le: number, p50: number, p95: number): number {
  const { mu, sigma } = logNormal(p50, p95);
  return normalCdf((Math.log(le) - mu) / sigma);
}

export function latencyMean(p50: number, p95: number): number {
  const { mu, sigma } = logNormal(p50, p95);
  return Math.exp(mu + (sigma * sigma) / 2);
}

export interface ServiceCounters {
  ok: number;
  errors: number;
  buckets: number[];
  count: number;
  sum: number;
}

export interface TrafficSource {
  (service: string, metric: string, fallback: number): number;
}

export class TrafficModel {
  readonly counters = new Map<string, ServiceCounters>();

  constructor(readonly services: string[]) {
    for (const s of services) {
      this.counters.set(s, {
        ok: 0,
        errors: 0,
        buckets: LATENCY_BUCKETS.map(() => 0),
        count: 0,
        sum: 0,
      });
    }
  }

  /** Adds `dt` seconds of traffic at the rates in effect. */
  accumulate(dt: number, value: TrafficSource): void {
    if (!(dt > 0)) return;
    for (const [service, c] of this.counters) {
      const rate = Math.max(0, value(service, 'requestRate', 100));
      const errorRate = Math.min(
        1,
        Math.max(0, value(service, 'errorRate', 0.0005)),
      );
      const p50 = Math.max(1e-4, value(service, 'latencyP50', 0.05));
      const p95 = Math.max(p50, value(service, 'latencyP95', 0.2));
      const n = rate * dt;
      c.errors += n * errorRate;
      c.ok += n * (1 - errorRate);
      c.count += n;
      c.sum += n * latencyMean(p50, p95);
      LATENCY_BUCKETS.forEach((le, i) => {
        c.buckets[i] += n * latencyCdf(le, p50, p95);
      });
    }
  }
}
