import { IncidentStage, isAcknowledgedStage, isResolvedStage } from './stages';

/** When the SLA clocks stopped; stored with the incident so SQL can compute statistics. */
export interface IncidentMilestones {
  /** First time the incident reached `responding` or a later stage. */
  acknowledgedAt?: string;
  /**
   * Last time the incident entered `resolved` (or a later stage) from an
   * earlier one; cleared when it is reopened (`resolved → mitigating`).
   */
  resolvedAt?: string;
}

/** One stage move, with its time (ISO 8601). */
export interface StageMove {
  from: IncidentStage;
  to: IncidentStage;
  at: string;
}

/**
 * The milestones after moving `from → to` at `at`. Skipping stages counts:
 * `detected → investigating` acknowledges, `detected → closed` acknowledges
 * and resolves. Reopening clears `resolvedAt`, so the resolution clock runs
 * again from detectedAt; acknowledgement is never undone.
 */
export function milestonesAfterMove(
  current: IncidentMilestones,
  move: StageMove,
): IncidentMilestones {
  const next: IncidentMilestones = { ...current };
  if (!next.acknowledgedAt && isAcknowledgedStage(move.to)) {
    next.acknowledgedAt = move.at;
  }
  if (!isResolvedStage(move.to)) {
    delete next.resolvedAt;
  } else if (!isResolvedStage(move.from)) {
    next.resolvedAt = move.at;
  }
  return next;
}

/** The milestones of a list of stage moves in time order (e.g. from the timeline). */
export function milestonesOf(moves: readonly StageMove[]): IncidentMilestones {
  return moves.reduce<IncidentMilestones>(milestonesAfterMove, {});
}
