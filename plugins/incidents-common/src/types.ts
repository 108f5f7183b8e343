import { ErrorResponseBody } from '@backstage/errors';
import { IncidentLevel } from './levels';
import { IncidentMilestones } from './milestones';
import { IncidentStage } from './stages';

/** Times are ISO 8601 strings (UTC), as JSON carries them. */
export interface Incident extends IncidentMilestones {
  id: string;
  title: string;
  description: string;
  /** A level id of `GET /levels`. */
  level: string;
  stage: IncidentStage;
  /** The affected catalog entity, e.g. `component:default/trading-api`. */
  entityRef?: string;
  /** A catalog user ref. */
  owner?: string;
  /** Catalog user refs. */
  responders: string[];
  /** `alertmanager` when a firing alert group opened it. */
  source: 'manual' | 'alertmanager';
  /** The Alertmanager group key it was opened from (deduplication). */
  alertGroupKey?: string;
  detectedAt: string;
  /** When it reached `closed`. */
  closedAt?: string;
  /** The post-mortem document (Markdown), started from `postmortemTemplate`. */
  postmortem?: string;
  createdAt: string;
  /** The user ref, or `alertmanager` for the webhook. */
  createdBy: string;
  updatedAt: string;
  /** Incremented by every change; `PATCH` must name the version it read. */
  version: number;
}

/** What happened, per kind of timeline entry. */
export type TimelineEvent =
  | { kind: 'created'; level: string; stage: IncidentStage }
  | {
      kind: 'transition';
      from: IncidentStage;
      to: IncidentStage;
      note?: string;
    }
  | { kind: 'level'; from: string; to: string; reason?: string }
  | {
      kind: 'assignment';
      owner?: { from?: string; to?: string };
      respondersAdded: string[];
      respondersRemoved: string[];
    }
  | { kind: 'edit'; fields: Array<'title' | 'description' | 'postmortem'> }
  | { kind: 'note'; text: string }
  | {
      kind: 'alert';
      status: 'firing' | 'resolved';
      groupKey: string;
      alertnames: string[];
      summary?: string;
    }
  | {
      kind: 'notification';
      notification: 'escalation' | 'resolution-breach';
      roles: string[];
      recipients: string[];
    };

/** One entry of an incident's timeline. */
export type TimelineEntry = {
  id: string;
  incidentId: string;
  at: string;
  /** A user ref, or `alertmanager` / `scheduler` for the backend's own entries. */
  actor: string;
} & TimelineEvent;

/** `GET /levels` */
export interface LevelsResponse {
  levels: IncidentLevel[];
}

/**
 * An item of `GET /incidents`: what the lists show (level, title, stage,
 * entity, owner, SLA clocks); the description, post-mortem and the rest
 * come with `GET /incidents/:id`.
 */
export type IncidentSummary = Pick<
  Incident,
  | 'id'
  | 'title'
  | 'level'
  | 'stage'
  | 'entityRef'
  | 'owner'
  | 'detectedAt'
  | 'acknowledgedAt'
  | 'resolvedAt'
  | 'version'
>;

/** `GET /incidents`: a page, open incidents first. */
export interface IncidentListResponse {
  items: IncidentSummary[];
  /** Pass as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
}

/** `GET /incidents/:id` */
export interface IncidentDetailsResponse {
  incident: Incident;
  timeline: TimelineEntry[];
}

/**
 * The body of a 409 from `PATCH /incidents/:id`: Backstage's error body
 * (`error.name` is `ConflictError`) plus the version to read again at.
 */
export type VersionConflictResponse = ErrorResponseBody & {
  currentVersion: number;
};
