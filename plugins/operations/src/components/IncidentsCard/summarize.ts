import {
  compareLevelIds,
  evaluateSla,
  findLevel,
  type IncidentLevel,
  type IncidentSummary,
  type SlaClock,
} from '@fdp/plugin-incidents-common';

/** The clock an open incident runs against: response until acknowledged, then resolution. */
export interface RunningClock {
  incident: IncidentSummary;
  kind: 'response' | 'resolution';
  clock: SlaClock;
}

export interface IncidentsOverview {
  /** Open incidents per level id, most severe level first. */
  byLevel: Array<{ level: string; count: number }>;
  /** Clocks past due, most overdue first. */
  breached: RunningClock[];
  /** The running clock due soonest that is not yet breached. */
  nearest?: RunningClock;
}

/** The SLA picture of the open incidents at `now` (incidents-common's clocks). */
export function summarizeIncidents(
  incidents: IncidentSummary[],
  levels: IncidentLevel[],
  now: Date,
): IncidentsOverview {
  const counts = new Map<string, number>();
  const clocks: RunningClock[] = [];
  for (const incident of incidents) {
    counts.set(incident.level, (counts.get(incident.level) ?? 0) + 1);
    const level = findLevel(levels, incident.level);
    if (!level) {
      continue;
    }
    const sla = evaluateSla(incident, level, now);
    const kind = incident.acknowledgedAt ? 'resolution' : 'response';
    clocks.push({ incident, kind, clock: sla[kind] });
  }
  const byRemaining = (a: RunningClock, b: RunningClock) =>
    a.clock.remainingMs - b.clock.remainingMs;
  return {
    byLevel: [...counts]
      .sort(([a], [b]) => compareLevelIds(a, b))
      .map(([level, count]) => ({ level, count })),
    breached: clocks
      .filter(c => c.clock.status === 'breached')
      .sort(byRemaining),
    nearest: clocks
      .filter(c => c.clock.status !== 'breached')
      .sort(byRemaining)[0],
  };
}
