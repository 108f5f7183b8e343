import { findLevel, IncidentLevel } from './levels';
import { evaluateSla, SlaClock, SlaSubject } from './sla';

/** Windows of `GET /stats`, counted back from now. */
export const STATS_WINDOWS = ['7d', '30d', '90d'] as const;
export type StatsWindow = (typeof STATS_WINDOWS)[number];

const DAY_MS = 86_400_000;

export function statsWindowMs(window: StatsWindow): number {
  return Number(window.slice(0, -1)) * DAY_MS;
}

/** Met and breached clocks; clocks still running inside their window are not decided yet. */
export interface SlaCompliance {
  met: number;
  breached: number;
  /** met / (met + breached); null when no clock is decided. */
  ratio: number | null;
}

export interface LevelStats {
  /** A level id, or `all`. */
  level: string;
  /** Incidents detected in the window. */
  incidents: number;
  /** Mean time to acknowledge: mean of acknowledgedAt − detectedAt over acknowledged incidents. */
  mttaMs: number | null;
  /** Mean time to resolve: mean of resolvedAt − detectedAt over resolved incidents. */
  mttrMs: number | null;
  response: SlaCompliance;
  resolution: SlaCompliance;
}

export interface IncidentStats {
  window: StatsWindow;
  /** now − window; incidents detected at or after it count. */
  from: string;
  to: string;
  /** One entry per configured level, most severe first. */
  levels: LevelStats[];
  /** Every incident of the window; SLA counts only of incidents whose level is configured. */
  overall: LevelStats;
}

/** What the statistics need of an incident. */
export interface StatsSubject extends SlaSubject {
  level: string;
}

class Accumulator {
  private incidents = 0;
  private readonly tta: number[] = [];
  private readonly ttr: number[] = [];
  private readonly response = { met: 0, breached: 0 };
  private readonly resolution = { met: 0, breached: 0 };

  constructor(private readonly level: string) {}

  add(
    incident: StatsSubject,
    sla: { response: SlaClock; resolution: SlaClock } | undefined,
  ) {
    this.incidents += 1;
    const detectedMs = Date.parse(incident.detectedAt);
    if (incident.acknowledgedAt) {
      this.tta.push(Date.parse(incident.acknowledgedAt) - detectedMs);
    }
    if (incident.resolvedAt) {
      this.ttr.push(Date.parse(incident.resolvedAt) - detectedMs);
    }
    if (sla) {
      count(this.response, sla.response);
      count(this.resolution, sla.resolution);
    }
  }

  result(): LevelStats {
    return {
      level: this.level,
      incidents: this.incidents,
      mttaMs: mean(this.tta),
      mttrMs: mean(this.ttr),
      response: compliance(this.response),
      resolution: compliance(this.resolution),
    };
  }
}

/**
 * MTTA, MTTR and SLA compliance over the incidents detected in
 * [now − window, now], per level and overall. SLA clocks are evaluated at
 * `now` with each incident's current level (as `evaluateSla`), so an
 * unacknowledged incident past its response due time counts as breached
 * already. The README spells out the same definitions in SQL.
 */
export function computeStats(
  incidents: readonly StatsSubject[],
  levels: readonly IncidentLevel[],
  window: StatsWindow,
  now: Date,
): IncidentStats {
  const fromMs = now.getTime() - statsWindowMs(window);
  const inWindow = incidents.filter(i => {
    const detectedMs = Date.parse(i.detectedAt);
    return detectedMs >= fromMs && detectedMs <= now.getTime();
  });
  const overall = new Accumulator('all');
  const perLevel = new Map(levels.map(l => [l.id, new Accumulator(l.id)]));
  for (const incident of inWindow) {
    const level = findLevel(levels, incident.level);
    const sla = level ? evaluateSla(incident, level, now) : undefined;
    overall.add(incident, sla);
    perLevel.get(incident.level)?.add(incident, sla);
  }
  return {
    window,
    from: new Date(fromMs).toISOString(),
    to: now.toISOString(),
    levels: [...perLevel.values()].map(a => a.result()),
    overall: overall.result(),
  };
}

function count(counts: { met: number; breached: number }, clock: SlaClock) {
  if (clock.status === 'met') counts.met += 1;
  if (clock.status === 'breached') counts.breached += 1;
}

function mean(values: number[]): number | null {
  return values.length
    ? values.reduce((a, b) => a + b, 0) / values.length
    : null;
}

function compliance(counts: { met: number; breached: number }): SlaCompliance {
  const decided = counts.met + counts.breached;
  return { ...counts, ratio: decided ? counts.met / decided : null };
}
