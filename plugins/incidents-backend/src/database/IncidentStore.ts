import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  Incident,
  IncidentLevel,
  IncidentStage,
  IncidentStats,
  IncidentStatus,
  IncidentSummary,
  isResolvedStage,
  stagesOfStatus,
  StatsWindow,
  TimelineEntry,
  TimelineEvent,
} from '@fdp/plugin-incidents-common';
import { Knex } from 'knex';
import { decodeCursor, encodeCursor } from './cursor';
import { queryStats } from './queryStats';
import {
  IncidentRow,
  IncidentSummaryRow,
  SUMMARY_COLUMNS,
  TimelineRow,
  toIncident,
  toIncidentSummary,
  toTimelineEntry,
} from './rows';

const migrationsDir = resolvePackagePath(
  '@fdp/plugin-incidents-backend',
  'migrations',
);

/** A new incident, as the service has checked it. */
export interface NewIncident {
  id: string;
  title: string;
  description: string;
  level: string;
  stage: IncidentStage;
  entityRef?: string;
  owner?: string;
  responders: string[];
  source: Incident['source'];
  /** The Alertmanager group key, for an incident a firing group opened. */
  alertGroupKey?: string;
  /** Unique while the incident is not closed: a second insert with it fails with `DuplicateDedupKey`. */
  dedupKey?: string;
  detectedAt: Date;
  createdBy: string;
}

/** The columns a change may set (undefined = unchanged, null = cleared). */
export interface IncidentChanges {
  title?: string;
  description?: string;
  level?: string;
  stage?: IncidentStage;
  owner?: string | null;
  responders?: string[];
  postmortem?: string;
  acknowledgedAt?: string | null;
  resolvedAt?: string | null;
  closedAt?: string | null;
}

export interface ListFilter {
  status?: IncidentStatus | IncidentStage;
  level?: string;
  entityRef?: string;
  owner?: string;
  q?: string;
  cursor?: string;
  limit: number;
}

export type UpdateResult =
  | { outcome: 'updated'; incident: Incident; entries: TimelineEntry[] }
  | { outcome: 'conflict'; currentVersion: number }
  | { outcome: 'not-found' };

/** An insert lost the race for a dedup key to another incident. */
export class DuplicateDedupKey extends Error {
  constructor() {
    super('An open incident already has this dedup key');
    this.name = 'DuplicateDedupKey';
  }
}

const toDate = (iso: string | null | undefined) =>
  iso === null || iso === undefined ? iso : new Date(iso);

/** Incidents, timelines and sent notifications in the plugin's database (knex). */
export class IncidentStore {
  private constructor(private readonly db: Knex) {}

  /** Migrates to the latest schema unless `backend.database` says to skip. */
  static async create(options: {
    database: DatabaseService;
  }): Promise<IncidentStore> {
    const db = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await db.migrate.latest({ directory: migrationsDir });
    }
    return new IncidentStore(db);
  }

  /** For tests: a store on a database the caller migrated. */
  static fromKnex(db: Knex): IncidentStore {
    return new IncidentStore(db);
  }

  static async migrate(db: Knex): Promise<void> {
    await db.migrate.latest({ directory: migrationsDir });
  }

  static async rollback(db: Knex): Promise<void> {
    await db.migrate.rollback({ directory: migrationsDir }, true);
  }

  /** Inserts the incident with its `created` entry (and any further ones) at `now`. */
  async insert(
    incident: NewIncident,
    actor: string,
    now: Date,
  ): Promise<{ incident: Incident; entries: TimelineEntry[] }> {
    try {
      return await this.db.transaction(async tx => {
        await tx<IncidentRow>('incidents').insert({
          id: incident.id,
          title: incident.title,
          description: incident.description,
          level: incident.level,
          stage: incident.stage,
          is_open: !isResolvedStage(incident.stage),
          entity_ref: incident.entityRef ?? null,
          owner: incident.owner ?? null,
          responders: JSON.stringify(incident.responders),
          source: incident.source,
          alert_group_key: incident.alertGroupKey ?? null,
          dedup_key: incident.dedupKey ?? null,
          detected_at: incident.detectedAt,
          acknowledged_at: null,
          resolved_at: null,
          closed_at: null,
          postmortem: null,
          created_by: incident.createdBy,
          created_at: now,
          updated_at: now,
          version: 1,
        });
        const entries = await this.insertEntries(
          tx,
          incident.id,
          [{ kind: 'created', level: incident.level, stage: incident.stage }],
          actor,
          now,
        );
        return { incident: (await this.get(incident.id, tx))!, entries };
      });
    } catch (error) {
      if (incident.dedupKey && isUniqueViolation(error)) {
        throw new DuplicateDedupKey();
      }
      throw error;
    }
  }

  async get(id: string, db: Knex = this.db): Promise<Incident | undefined> {
    const row = await db<IncidentRow>('incidents').where({ id }).first();
    return row ? toIncident(row) : undefined;
  }

  /** The incidents with these ids (any order; unknown ids are left out). */
  async getMany(ids: readonly string[]): Promise<Incident[]> {
    if (!ids.length) return [];
    const rows = await this.db<IncidentRow>('incidents').whereIn('id', ids);
    return rows.map(toIncident);
  }

  /** The incident (not closed) that owns this dedup key, if any. */
  async findByDedupKey(dedupKey: string): Promise<Incident | undefined> {
    const row = await this.db<IncidentRow>('incidents')
      .where({ dedup_key: dedupKey })
      .first();
    return row ? toIncident(row) : undefined;
  }

  async timeline(incidentId: string): Promise<TimelineEntry[]> {
    const rows = await this.db<TimelineRow>('incident_timeline')
      .where({ incident_id: incidentId })
      .orderBy([
        { column: 'at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(toTimelineEntry);
  }

  /**
   * Applies `changes` only if the incident is still at `expectedVersion`
   * (one UPDATE … WHERE id AND version, so of concurrent writers at the same
   * version exactly one wins), bumps the version and appends `events` to the
   * timeline in the same transaction.
   */
  async update(
    id: string,
    expectedVersion: number,
    changes: IncidentChanges,
    events: TimelineEvent[],
    actor: string,
    now: Date,
  ): Promise<UpdateResult> {
    return this.db.transaction(async tx => {
      const columns: Partial<Record<keyof IncidentRow, unknown>> = {
        updated_at: now,
        version: tx.raw('version + 1'),
      };
      if (changes.title !== undefined) columns.title = changes.title;
      if (changes.description !== undefined) {
        columns.description = changes.description;
      }
      if (changes.level !== undefined) columns.level = changes.level;
      if (changes.stage !== undefined) {
        columns.stage = changes.stage;
        columns.is_open = !isResolvedStage(changes.stage);
        if (changes.stage === 'closed') {
          // a later firing of the same alert group is a new incident
          columns.dedup_key = null;
        }
      }
      if (changes.owner !== undefined) columns.owner = changes.owner;
      if (changes.responders !== undefined) {
        columns.responders = JSON.stringify(changes.responders);
      }
      if (changes.postmortem !== undefined) {
        columns.postmortem = changes.postmortem;
      }
      if (changes.acknowledgedAt !== undefined) {
        columns.acknowledged_at = toDate(changes.acknowledgedAt);
      }
      if (changes.resolvedAt !== undefined) {
        columns.resolved_at = toDate(changes.resolvedAt);
      }
      if (changes.closedAt !== undefined) {
        columns.closed_at = toDate(changes.closedAt);
      }
      const count = await tx('incidents')
        .where({ id, version: expectedVersion })
        .update(columns);
      if (count === 0) {
        const current = await tx<IncidentRow>('incidents')
          .where({ id })
          .first('version');
        return current
          ? { outcome: 'conflict', currentVersion: Number(current.version) }
          : { outcome: 'not-found' };
      }
      const entries = await this.insertEntries(tx, id, events, actor, now);
      return {
        outcome: 'updated',
        incident: (await this.get(id, tx))!,
        entries,
      };
    });
  }

  /** Timeline entries that change nothing else (notes, alert deliveries, notifications). */
  async addEntries(
    incidentId: string,
    events: TimelineEvent[],
    actor: string,
    now: Date,
  ): Promise<TimelineEntry[]> {
    return this.insertEntries(this.db, incidentId, events, actor, now);
  }

  private async insertEntries(
    db: Knex,
    incidentId: string,
    events: TimelineEvent[],
    actor: string,
    at: Date,
  ): Promise<TimelineEntry[]> {
    if (!events.length) return [];
    const rows = await db<TimelineRow>('incident_timeline')
      .insert(
        events.map(({ kind, ...data }) => ({
          incident_id: incidentId,
          at,
          actor,
          kind,
          data: JSON.stringify(data),
        })),
      )
      .returning('*');
    return rows.map(toTimelineEntry);
  }

  /** A page of the list: open incidents first, then newest detection first. */
  async list(
    filter: ListFilter,
  ): Promise<{ items: IncidentSummary[]; nextCursor?: string }> {
    const query =
      this.db<IncidentRow>('incidents').select<IncidentSummaryRow[]>(
        SUMMARY_COLUMNS,
      );
    if (filter.status) query.whereIn('stage', stagesOfStatus(filter.status));
    if (filter.level) query.where('level', filter.level);
    if (filter.entityRef) query.where('entity_ref', filter.entityRef);
    if (filter.owner) query.where('owner', filter.owner);
    if (filter.q) {
      const pattern = `%${filter.q
        .toLocaleLowerCase('en-US')
        .replace(/[\\%_]/g, c => `\\${c}`)}%`;
      query.where(inner =>
        inner
          .whereRaw(`lower(title) like ? escape '\\'`, [pattern])
          .orWhereRaw(`lower(description) like ? escape '\\'`, [pattern]),
      );
    }
    if (filter.cursor) {
      const after = decodeCursor(filter.cursor);
      const detected = new Date(after.detectedMs);
      query.where(outer =>
        outer
          .where('is_open', '<', after.open)
          .orWhere(same =>
            same
              .where('is_open', after.open)
              .andWhere(later =>
                later
                  .where('detected_at', '<', detected)
                  .orWhere(tie =>
                    tie
                      .where('detected_at', detected)
                      .andWhere('id', '<', after.id),
                  ),
              ),
          ),
      );
    }
    const rows = await query
      .orderBy([
        { column: 'is_open', order: 'desc' },
        { column: 'detected_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(filter.limit + 1);
    const items = rows.slice(0, filter.limit).map(toIncidentSummary);
    const last = items[items.length - 1];
    return rows.length > filter.limit
      ? {
          items,
          nextCursor: encodeCursor({
            open: !isResolvedStage(last.stage),
            detectedMs: Date.parse(last.detectedAt),
            id: last.id,
          }),
        }
      : { items };
  }

  /** Incidents whose clocks may still call for a notification: not resolved. */
  async listUnresolved(): Promise<Incident[]> {
    const rows = await this.db<IncidentRow>('incidents')
      .whereNull('resolved_at')
      .whereNot('stage', 'closed')
      .orderBy('detected_at', 'asc');
    return rows.map(toIncident);
  }

  /** The notification keys already sent for these incidents. */
  async sentNotificationKeys(
    incidentIds: readonly string[],
  ): Promise<Set<string>> {
    const keys = new Set<string>();
    // bounded IN lists: SQLite allows 32766 bindings, PostgreSQL 65535
    for (let i = 0; i < incidentIds.length; i += 1000) {
      const rows = await this.db('incident_notifications_sent')
        .whereIn('incident_id', incidentIds.slice(i, i + 1000))
        .select<Array<{ key: string }>>('key');
      rows.forEach(r => keys.add(r.key));
    }
    return keys;
  }

  /**
   * Records a notification as sent; false when it already was (by this or
   * another replica, before or after a restart): only the caller that gets
   * true sends it.
   */
  async claimNotification(
    key: string,
    incidentId: string,
    now: Date,
  ): Promise<boolean> {
    const inserted = await this.db('incident_notifications_sent')
      .insert({ key, incident_id: incidentId, sent_at: now })
      .onConflict('key')
      .ignore()
      .returning('key');
    return inserted.length === 1;
  }

  /** Gives a claimed notification back after its sending failed, so the next run retries it. */
  async releaseNotification(key: string): Promise<void> {
    await this.db('incident_notifications_sent').where({ key }).delete();
  }

  /** MTTA, MTTR and SLA compliance over a window, aggregated in SQL. */
  async stats(
    levels: readonly IncidentLevel[],
    window: StatsWindow,
    now: Date,
  ): Promise<IncidentStats> {
    return queryStats(this.db, levels, window, now);
  }
}

/** PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed/.test(e?.message ?? '')
  );
}
