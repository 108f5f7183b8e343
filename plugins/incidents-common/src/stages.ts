/**
 * The stages of the operations manual's response procedure, in order:
 * detect → judge the level → P1 team / P2 owner / P3 handling → status report
 * → root cause → fix → verify recovery → post-mortem, then closed.
 */
export const STAGES = [
  'detected',
  'triaged',
  'responding',
  'reported',
  'investigating',
  'mitigating',
  'resolved',
  'postmortem',
  'closed',
] as const;

export type IncidentStage = (typeof STAGES)[number];

/** Reaching this stage (or any later one) acknowledges the incident: the response clock stops. */
export const ACKNOWLEDGED_STAGE: IncidentStage = 'responding';
/** Reaching this stage (or any later one) resolves the incident: the resolution clock stops. */
export const RESOLVED_STAGE: IncidentStage = 'resolved';

/** English labels of the stages, for steppers and timelines. */
export const STAGE_LABELS: Record<IncidentStage, string> = {
  detected: 'Detected',
  triaged: 'Level judged',
  responding: 'Responding',
  reported: 'Status reported',
  investigating: 'Root cause analysis',
  mitigating: 'Fix executed',
  resolved: 'Recovery verified',
  postmortem: 'Post-mortem',
  closed: 'Closed',
};

/** Position in the procedure: higher is later. */
export function stageIndex(stage: IncidentStage): number {
  return STAGES.indexOf(stage);
}

/** At or after `responding`. */
export function isAcknowledgedStage(stage: IncidentStage): boolean {
  return stageIndex(stage) >= stageIndex(ACKNOWLEDGED_STAGE);
}

/** At or after `resolved`. */
export function isResolvedStage(stage: IncidentStage): boolean {
  return stageIndex(stage) >= stageIndex(RESOLVED_STAGE);
}

/**
 * Status filters of the incident list: `open` = not yet resolved (the SLA
 * clocks that matter are running), `resolved` = recovered, post-mortem
 * possibly pending, `closed` = done. Any single stage name filters that stage.
 */
export const INCIDENT_STATUSES = ['open', 'resolved', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** The stages an `open` / `resolved` / `closed` (or single-stage) filter selects. */
export function stagesOfStatus(
  status: IncidentStatus | IncidentStage,
): IncidentStage[] {
  switch (status) {
    case 'open':
      return STAGES.filter(s => !isResolvedStage(s));
    case 'resolved':
      return ['resolved', 'postmortem'];
    default:
      return [status];
  }
}

/** Why a stage move is refused. */
export type TransitionRefusalCode =
  /** The incident is already in that stage. */
  | 'SAME_STAGE'
  /** A closed incident does not move any more. */
  | 'INCIDENT_CLOSED'
  /** Moving back in the procedure; only `resolved → mitigating` (reopening) is allowed. */
  | 'BACKWARD_MOVE';

export interface TransitionRefusal {
  code: TransitionRefusalCode;
  message: string;
}

/**
 * Why `from → to` is refused, or undefined when it is allowed: forward moves
 * may skip stages, and `resolved → mitigating` reopens an incident whose
 * recovery was not confirmed. Every other move back is refused.
 */
export function transitionError(
  from: IncidentStage,
  to: IncidentStage,
): TransitionRefusal | undefined {
  if (from === to) {
    return {
      code: 'SAME_STAGE',
      message: `The incident is already ${from}`,
    };
  }
  if (from === 'closed') {
    return {
      code: 'INCIDENT_CLOSED',
      message: `A closed incident cannot move to ${to}`,
    };
  }
  if (stageIndex(to) > stageIndex(from) || isReopening(from, to)) {
    return undefined;
  }
  return {
    code: 'BACKWARD_MOVE',
    message: `Cannot move back from ${from} to ${to}; only resolved → mitigating reopens an incident`,
  };
}

export function canTransition(from: IncidentStage, to: IncidentStage): boolean {
  return transitionError(from, to) === undefined;
}

/** `resolved → mitigating`: recovery was not confirmed, the fix goes on. */
export function isReopening(from: IncidentStage, to: IncidentStage): boolean {
  return from === 'resolved' && to === 'mitigating';
}
