import { IncidentLevel } from './levels';
import { SlaSubject } from './sla';

/** One step of a level's chain and when it is due. */
export interface EscalationStep {
  /** 0-based position in the chain. */
  step: number;
  role: string;
  /** detectedAt + step × the level's response time. */
  dueAt: string;
}

export type IncidentNotificationKind = 'escalation' | 'resolution-breach';

/** A notification the backend must send, once. */
export interface IncidentNotification {
  /**
   * Stable across runs and restarts: the backend records it when sent and
   * passes the recorded keys back as `alreadySent`.
   */
  key: string;
  kind: IncidentNotificationKind;
  incidentId: string;
  level: string;
  role: string;
  /** The chain position (escalation only). */
  step?: number;
  /** When it became due. */
  dueAt: string;
}

/** What the escalation schedule needs of an incident. */
export interface EscalationSubject extends SlaSubject {
  id: string;
}

/**
 * The chain of `level` with due times. Step 0 is due at detection: the first
 * role must know at once to respond within the response time; step k ≥ 1 at
 * detectedAt + k × response time, i.e. each further role is called when the
 * previous one's response window has passed (step 1 at the response due time).
 */
export function escalationSchedule(
  incident: Pick<SlaSubject, 'detectedAt'>,
  level: IncidentLevel,
): EscalationStep[] {
  const detectedMs = Date.parse(incident.detectedAt);
  return level.escalation.map((role, step) => ({
    step,
    role,
    dueAt: new Date(detectedMs + step * level.responseMs).toISOString(),
  }));
}

/** detectedAt + the level's resolution time: after it the whole chain hears of the breach. */
function resolutionDueMs(incident: SlaSubject, level: IncidentLevel): number {
  return Date.parse(incident.detectedAt) + level.resolutionMs;
}

/**
 * The notifications due at `now` that are not in `alreadySent`:
 * - each chain step whose due time is ≤ now, while the incident is not
 *   acknowledged (`responding` or later);
 * - every role of the chain once the resolution due time has passed (strictly,
 *   as for the SLA status) and the incident is not resolved.
 *
 * Keys carry the level and the role, so raising the level notifies the new
 * chain's due steps, and a role added to a chain is notified too, while a step
 * already sent for that level and role never repeats.
 */
export function dueNotifications(
  incident: EscalationSubject,
  level: IncidentLevel,
  now: Date,
  alreadySent: ReadonlySet<string>,
): IncidentNotification[] {
  const nowMs = now.getTime();
  const due: IncidentNotification[] = [];
  if (!incident.acknowledgedAt) {
    for (const s of escalationSchedule(incident, level)) {
      if (Date.parse(s.dueAt) <= nowMs) {
        due.push({
          key: `${incident.id}/${level.id}/escalation/${s.step}/${s.role}`,
          kind: 'escalation',
          incidentId: incident.id,
          level: level.id,
          role: s.role,
          step: s.step,
          dueAt: s.dueAt,
        });
      }
    }
  }
  const breachMs = resolutionDueMs(incident, level);
  if (!incident.resolvedAt && nowMs > breachMs) {
    for (const role of level.escalation) {
      due.push({
        key: `${incident.id}/${level.id}/resolution-breach/${role}`,
        kind: 'resolution-breach',
        incidentId: incident.id,
        level: level.id,
        role,
        dueAt: new Date(breachMs).toISOString(),
      });
    }
  }
  return due.filter(n => !alreadySent.has(n.key));
}

/** The latest chain step due by now (or by acknowledgement): "currently escalated to". */
export function currentEscalationStep(
  incident: SlaSubject,
  level: IncidentLevel,
  now: Date,
): EscalationStep | undefined {
  const untilMs = incident.acknowledgedAt
    ? Math.min(Date.parse(incident.acknowledgedAt), now.getTime())
    : now.getTime();
  return escalationSchedule(incident, level)
    .filter(s => Date.parse(s.dueAt) <= untilMs)
    .pop();
}

/** Who is notified next, and when. */
export interface NextEscalation {
  kind: IncidentNotificationKind;
  roles: string[];
  /** For an escalation: its chain position. */
  step?: number;
  at: string;
}

/**
 * The next notification of the schedule after `now` ("next to be notified"):
 * the next chain step while unacknowledged or the resolution breach while
 * unresolved and not yet past, whichever comes first; undefined when nothing
 * more will be sent.
 */
export function nextEscalation(
  incident: SlaSubject,
  level: IncidentLevel,
  now: Date,
): NextEscalation | undefined {
  if (incident.resolvedAt) {
    return undefined;
  }
  const nowMs = now.getTime();
  const candidates: NextEscalation[] = [];
  const step = incident.acknowledgedAt
    ? undefined
    : escalationSchedule(incident, level).find(
        s => Date.parse(s.dueAt) > nowMs,
      );
  if (step) {
    candidates.push({
      kind: 'escalation',
      roles: [step.role],
      step: step.step,
      at: step.dueAt,
    });
  }
  const breachMs = resolutionDueMs(incident, level);
  if (breachMs >= nowMs) {
    candidates.push({
      kind: 'resolution-breach',
      roles: [...level.escalation],
      at: new Date(breachMs).toISOString(),
    });
  }
  // Stable sort: on a tie the chain step comes first.
  return candidates.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0];
}
