/** Piecewise-linear values over scenario time, changed by ramp events. */
import type { CurveSpec } from './schema';

interface Point {
  t: number;
  v: number;
}

export class Curve {
  private points: Point[];

  constructor(spec: CurveSpec) {
    this.points =
      typeof spec === 'number'
        ? [{ t: 0, v: spec }]
        : [...spec]
            .map(p => ({ t: p.at, v: p.value }))
            .sort((a, b) => a.t - b.t);
  }

  /** Value at scenario second `t` (held constant before the first and after the last point). */
  at(t: number): number {
    const p = this.points;
    if (t <= p[0].t) return p[0].v;
    for (let i = 1; i < p.length; i++) {
      if (t <= p[i].t) {
        const a = p[i - 1];
        const b = p[i];
        if (b.t === a.t) return b.v;
        return a.v + ((b.v - a.v) * (t - a.t)) / (b.t - a.t);
      }
    }
    return p[p.length - 1].v;
  }

  /** From `start`, move linearly to `to` over `over` seconds and hold it (replaces later points). */
  ramp(start: number, to: number, over: number): void {
    const from = this.at(start);
    this.points = this.points.filter(p => p.t < start);
    this.points.push(
      { t: start, v: from },
      { t: start + Math.max(0, over), v: to },
    );
  }
}

/** Named curves with fallbacks. Keys look like `pool:general:cpu`. */
export class CurveSet {
  private readonly curves = new Map<string, Curve>();

  set(key: string, spec: CurveSpec): void {
    this.curves.set(key, new Curve(spec));
  }

  has(key: string): boolean {
    return this.curves.has(key);
  }

  get(key: string): Curve | undefined {
    return this.curves.get(key);
  }

  value(key: string, t: number, fallback: number): number {
    const c = this.curves.get(key);
    return c ? c.at(t) : fallback;
  }

  /** Applies a ramp; a missing curve starts from `base`. */
  ramp(
    key: string,
    base: number,
    start: number,
    to: number,
    over: number,
  ): void {
    let c = this.curves.get(key);
    if (!c) {
      c = new Curve(base);
      this.curves.set(key, c);
    }
    c.ramp(start, to, over);
  }
}
