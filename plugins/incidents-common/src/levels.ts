/** An incident level: its SLA windows and its escalation chain. */
export interface IncidentLevel {
  /** `P1`, `P2`, …: also the Alertmanager label `incident_level`. A lower number is more severe. */
  id: string;
  /** `critical`, `major`, `minor`. */
  name: string;
  /** What the level means, e.g. `complete service outage`. */
  description: string;
  /** What `responding` means at this level, e.g. `Assemble the emergency team`. */
  action?: string;
  /** Time from detection within which the incident must be `responding`. */
  responseMs: number;
  /** Time from detection within which the incident must be `resolved`. */
  resolutionMs: number;
  /**
   * Roles notified in this order (`incidents.roles.<role>` maps each to
   * catalog users or groups).
   */
  escalation: string[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The operations manual's incident levels (its "Incident levels" table). */
export const DEFAULT_LEVELS: IncidentLevel[] = [
  {
    id: 'P1',
    name: 'critical',
    description: 'complete service outage',
    action: 'Assemble the emergency team',
    responseMs: 15 * MINUTE,
    resolutionMs: 2 * HOUR,
    escalation: ['devops_lead', 'system_architect', 'cto'],
  },
  {
    id: 'P2',
    name: 'major',
    description: 'major feature failure',
    action: 'Assign an owner',
    responseMs: 30 * MINUTE,
    resolutionMs: 4 * HOUR,
    escalation: ['devops_engineer', 'team_lead'],
  },
  {
    id: 'P3',
    name: 'minor',
    description: 'partial feature failure',
    action: 'Handle normally',
    responseMs: 2 * HOUR,
    resolutionMs: 8 * HOUR,
    escalation: ['on_call_engineer'],
  },
];

/** `P1`, `P2`, … `P99`. */
export const LEVEL_ID_PATTERN = /^P[1-9][0-9]?$/;

/** An escalation role: the key under `incidents.roles`. */
export const ROLE_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;

export function findLevel(
  levels: readonly IncidentLevel[],
  id: string,
): IncidentLevel | undefined {
  return levels.find(l => l.id === id);
}

/** For sorting: most severe (P1) first. */
export function compareLevelIds(a: string, b: string): number {
  return Number(a.slice(1)) - Number(b.slice(1));
}
