import {
  Incident,
  IncidentStage,
  IncidentSummary,
  TimelineEntry,
  TimelineEvent,
} from '@fdp/plugin-incidents-common';

/** A time as the drivers return it: Date (pg) or epoch milliseconds (better-sqlite3). */
export type DbTime = Date | number | string;

export interface IncidentRow {
  id: string;
  title: string;
  description: string;
  level: string;
  stage: IncidentStage;
  is_open: boolean | number;
  entity_ref: string | null;
  owner: string | null;
  /** JSON: pg parses a json column, SQLite hands back the text. */
  responders: string | string[];
  source: Incident['source'];
  alert_group_key: string | null;
  dedup_key: string | null;
  detected_at: DbTime;
  acknowledged_at: DbTime | null;
  resolved_at: DbTime | null;
  closed_at: DbTime | null;
  postmortem: string | null;
  created_by: string;
  created_at: DbTime;
  updated_at: DbTime;
  version: number;
}

export interface TimelineRow {
  id: string | number;
  incident_id: string;
  at: DbTime;
  actor: string;
  kind: TimelineEvent['kind'];
  data: string | Record<string, unknown>;
}

export function isoTime(value: DbTime): string {
  // pg hands back a Date already: no second parse (a list page has 150 times)
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

function optionalIso(value: DbTime | null): string | undefined {
  return value === null || value === undefined ? undefined : isoTime(value);
}

function json<T>(value: string | T): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

export function toIncident(row: IncidentRow): Incident {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    level: row.level,
    stage: row.stage,
    ...(row.entity_ref ? { entityRef: row.entity_ref } : {}),
    ...(row.owner ? { owner: row.owner } : {}),
    responders: json<string[]>(row.responders),
    source: row.source,
    ...(row.alert_group_key ? { alertGroupKey: row.alert_group_key } : {}),
    detectedAt: isoTime(row.detected_at),
    ...(row.acknowledged_at
      ? { acknowledgedAt: optionalIso(row.acknowledged_at) }
      : {}),
    ...(row.resolved_at ? { resolvedAt: optionalIso(row.resolved_at) } : {}),
    ...(row.closed_at ? { closedAt: optionalIso(row.closed_at) } : {}),
    ...(row.postmortem !== null ? { postmortem: row.postmortem } : {}),
    createdAt: isoTime(row.created_at),
    createdBy: row.created_by,
    updatedAt: isoTime(row.updated_at),
    version: Number(row.version),
  };
}

/** The columns a list item is read from (explicit: no description or post-mortem). */
export const SUMMARY_COLUMNS = [
  'id',
  'title',
  'level',
  'stage',
  'entity_ref',
  'owner',
  'detected_at',
  'acknowledged_at',
  'resolved_at',
  'version',
] as const satisfies ReadonlyArray<keyof IncidentRow>;

export type IncidentSummaryRow = Pick<
  IncidentRow,
  (typeof SUMMARY_COLUMNS)[number]
>;

export function toIncidentSummary(row: IncidentSummaryRow): IncidentSummary {
  return {
    id: row.id,
    title: row.title,
    level: row.level,
    stage: row.stage,
    ...(row.entity_ref ? { entityRef: row.entity_ref } : {}),
    ...(row.owner ? { owner: row.owner } : {}),
    detectedAt: isoTime(row.detected_at),
    ...(row.acknowledged_at
      ? { acknowledgedAt: isoTime(row.acknowledged_at) }
      : {}),
    ...(row.resolved_at ? { resolvedAt: isoTime(row.resolved_at) } : {}),
    version: Number(row.version),
  };
}

export function toTimelineEntry(row: TimelineRow): TimelineEntry {
  return {
    ...json<Record<string, unknown>>(row.data),
    kind: row.kind,
    id: String(row.id),
    incidentId: row.incident_id,
    at: isoTime(row.at),
    actor: row.actor,
  } as TimelineEntry;
}
