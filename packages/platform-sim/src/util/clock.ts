/**
 * Scenario time. In `manual` mode time only moves through {@link SimClock.advance};
 * in `realtime` mode it follows the wall clock multiplied by a time scale, plus any manual advances.
 */
export type ClockMode = 'manual' | 'realtime';

/** Options of {@link SimClock}. */
export interface SimClockOptions {
  /** `realtime` (default) follows the wall clock; `manual` moves only when advanced. */
  mode?: ClockMode;
  /** Scenario seconds per wall-clock second in realtime mode (default 1). */
  timeScale?: number;
  /** Wall-clock time of scenario second 0 (default: now). */
  startTime?: Date;
}

export class SimClock {
  readonly mode: ClockMode;
  readonly timeScale: number;
  readonly startMs: number;
  private readonly realStart: number;
  private offsetSeconds = 0;

  constructor(options: SimClockOptions = {}) {
    this.mode = options.mode ?? 'realtime';
    this.timeScale = options.timeScale ?? 1;
    this.startMs = (options.startTime ?? new Date()).getTime();
    this.realStart = Date.now();
  }

  /** Scenario seconds elapsed since start. */
  elapsed(): number {
    const real =
      this.mode === 'realtime'
        ? ((Date.now() - this.realStart) / 1000) * this.timeScale
        : 0;
    return this.offsetSeconds + real;
  }

  /** Current scenario time in epoch milliseconds. */
  nowMs(): number {
    return this.startMs + this.elapsed() * 1000;
  }

  /** Moves scenario time forward. */
  advance(seconds: number): void {
    if (!(seconds >= 0))
      throw new Error('seconds must be a non-negative number');
    this.offsetSeconds += seconds;
  }
}

/** Kubernetes timestamp format (RFC 3339, seconds precision). */
export function k8sTime(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000)
    .toISOString()
    .slice(0, 19)}Z`;
}

/** RFC 3339 with microseconds, used by managedFields and events. */
export function k8sMicroTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}000Z`;
}
