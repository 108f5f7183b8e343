import { IncidentLevel } from './levels';
import { IncidentMilestones } from './milestones';

/**
 * - `met`: the clock stopped at or before its due time.
 * - `running`: not stopped, less than 75 % of the window elapsed.
 * - `at-risk`: not stopped, at least 75 % of the window elapsed, not yet past due.
 * - `breached`: stopped after its due time, or still running past it.
 */
export type SlaStatus = 'met' | 'running' | 'at-risk' | 'breached';

/** Share of the window after which a running clock is at risk. */
export const AT_RISK_RATIO = 0.75;

export interface SlaClock {
  status: SlaStatus;
  /** detectedAt + the window of the incident's current level. */
  dueAt: string;
  windowMs: number;
  /** When the clock stopped (acknowledged / resolved); absent while it runs. */
  stoppedAt?: string;
  /**
   * dueAt − (stoppedAt ?? now): time left (or the margin it was met by) when
   * positive, overdue by when negative.
   */
  remainingMs: number;
  /** Elapsed share of the window at stoppedAt ?? now (1 = due now). */
  elapsedRatio: number;
}

export interface SlaEvaluation {
  response: SlaClock;
  resolution: SlaClock;
}

/** What the SLA clocks need of an incident. */
export interface SlaSubject extends IncidentMilestones {
  detectedAt: string;
}

/**
 * Both SLA clocks of an incident at `now`, measured from detectedAt with the
 * windows of `level` — the incident's level at the time of evaluation, so a
 * level change recomputes both clocks, also retroactively (a P3 raised to P1
 * after 20 unacknowledged minutes has breached its response).
 *
 * Edges: a clock stopped exactly at its due time is met; a running clock
 * exactly at its due time is at risk, one millisecond later breached.
 */
export function evaluateSla(
  incident: SlaSubject,
  level: IncidentLevel,
  now: Date,
): SlaEvaluation {
  const detectedMs = Date.parse(incident.detectedAt);
  return {
    response: clock(
      detectedMs,
      level.responseMs,
      incident.acknowledgedAt,
      now.getTime(),
    ),
    resolution: clock(
      detectedMs,
      level.resolutionMs,
      incident.resolvedAt,
      now.getTime(),
    ),
  };
}

function clock(
  startMs: number,
  windowMs: number,
  stoppedAt: string | undefined,
  nowMs: number,
): SlaClock {
  const dueMs = startMs + windowMs;
  const endMs = stoppedAt ? Date.parse(stoppedAt) : nowMs;
  const elapsedMs = endMs - startMs;
  const base = {
    dueAt: new Date(dueMs).toISOString(),
    windowMs,
    remainingMs: dueMs - endMs,
    elapsedRatio: elapsedMs / windowMs,
    ...(stoppedAt ? { stoppedAt } : {}),
  };
  let status: SlaStatus;
  if (endMs > dueMs) {
    status = 'breached';
  } else if (stoppedAt) {
    status = 'met';
  } else {
    status = elapsedMs >= AT_RISK_RATIO * windowMs ? 'at-risk' : 'running';
  }
  return { status, ...base };
}
