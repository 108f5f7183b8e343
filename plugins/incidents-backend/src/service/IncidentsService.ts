import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  currentEscalationStep,
  EscalationStep,
  evaluateSla,
  findLevel,
  Incident,
  IncidentDetailsResponse,
  IncidentLevel,
  IncidentListResponse,
  IncidentStats,
  milestonesAfterMove,
  NextEscalation,
  nextEscalation,
  postmortemTemplate,
  SlaEvaluation,
  StatsWindow,
  TimelineEntry,
  TimelineEvent,
  transitionError,
} from '@fdp/plugin-incidents-common';
import { randomUUID } from 'node:crypto';
import { IncidentChanges, IncidentStore } from '../database/IncidentStore';
import { CatalogRefs, normalizeRef } from './catalogRefs';
import { NewIncidentRequest } from './parseCreateIncident';
import { ListQuery } from './parseListQuery';
import { Transition } from './parseTransition';
import { IncidentUpdate } from './parseUpdateIncident';

/**
 * `GET /incidents/:id`: the incident, its timeline, and its clocks and
 * escalation evaluated now with the level's current windows (absent when
 * its level is no longer configured).
 */
export interface IncidentDetails extends IncidentDetailsResponse {
  sla?: SlaEvaluation;
  escalation?: {
    /** The chain step reached so far. */
    current?: EscalationStep;
    /** Who is notified next, and when. */
    next?: NextEscalation;
  };
}

/** A PATCH at a version that is no longer current: 409 with the version to read again at. */
export class VersionConflictError extends ConflictError {
  constructor(readonly currentVersion: number) {
    super(
      `The incident changed since the version you read; it is at version ${currentVersion} now`,
    );
  }
}

/** What changed, for the signal and the audit log. */
export type IncidentChange =
  | 'created'
  | 'updated'
  | 'transition'
  | 'note'
  | 'alert'
  | 'notification';

export interface IncidentsServiceOptions {
  store: IncidentStore;
  levels: IncidentLevel[];
  /** Escalation role → user and group refs (`incidents.roles`). */
  roles: Record<string, string[]>;
  catalogRefs: CatalogRefs;
  /** Called after every change that was stored. */
  onChange: (incidentId: string, change: IncidentChange) => void;
  /** The clock (tests inject one). */
  now?: () => Date;
}

/** Concurrent writers besides a PATCH (moves) retry this often on a version race. */
const MOVE_ATTEMPTS = 5;

/** The incidents REST API's work: checks against config and catalog, timeline, milestones. */
export class IncidentsService {
  private readonly now: () => Date;

  private constructor(private readonly options: IncidentsServiceOptions) {
    this.now = options.now ?? (() => new Date());
  }

  static create(options: IncidentsServiceOptions): IncidentsService {
    return new IncidentsService(options);
  }

  get levels(): IncidentLevel[] {
    return this.options.levels;
  }

  get roles(): Record<string, string[]> {
    return this.options.roles;
  }

  private level(field: string, id: string): IncidentLevel {
    const level = findLevel(this.options.levels, id);
    if (!level) {
      throw new InputError(
        `Invalid ${field} '${id}': configured levels are ${this.options.levels
          .map(l => l.id)
          .join(', ')}`,
      );
    }
    return level;
  }

  /** One incident, or NotFoundError. */
  async get(id: string): Promise<Incident> {
    const incident = await this.options.store.get(id);
    if (!incident) {
      throw new NotFoundError(`No incident with id '${id}'`);
    }
    return incident;
  }

  async list(query: ListQuery): Promise<IncidentListResponse> {
    return this.options.store.list({
      ...query,
      entityRef:
        query.entityRef &&
        normalizeRef('entityRef', query.entityRef, 'component'),
      owner: query.owner && normalizeRef('owner', query.owner, 'user'),
    });
  }

  async details(id: string): Promise<IncidentDetails> {
    const incident = await this.get(id);
    const timeline = await this.options.store.timeline(id);
    const level = findLevel(this.options.levels, incident.level);
    if (!level) {
      return { incident, timeline };
    }
    const now = this.now();
    return {
      incident,
      timeline,
      sla: evaluateSla(incident, level, now),
      escalation: {
        current: currentEscalationStep(incident, level, now),
        next: nextEscalation(incident, level, now),
      },
    };
  }

  async create(
    request: NewIncidentRequest,
    actor: string,
    credentials: BackstageCredentials,
  ): Promise<Incident> {
    const { catalogRefs, store } = this.options;
    this.level('level', request.level);
    const now = this.now();
    const detectedAt = request.detectedAt ? new Date(request.detectedAt) : now;
    if (detectedAt.getTime() > now.getTime()) {
      throw new InputError(
        `Invalid detectedAt '${request.detectedAt}': it is in the future`,
      );
    }
    const [entityRef, owner, responders] = await Promise.all([
      request.entityRef
        ? catalogRefs.entity('entityRef', request.entityRef, credentials)
        : undefined,
      request.owner
        ? catalogRefs
            .users('owner', [request.owner], credentials)
            .then(refs => refs[0])
        : undefined,
      catalogRefs.users('responders', request.responders ?? [], credentials),
    ]);
    const { incident } = await store.insert(
      {
        id: randomUUID(),
        title: request.title,
        description: request.description ?? '',
        level: request.level,
        stage: 'detected',
        entityRef,
        owner,
        responders,
        source: 'manual',
        detectedAt,
        createdBy: actor,
      },
      actor,
      now,
    );
    this.options.onChange(incident.id, 'created');
    return incident;
  }

  /** PATCH: applied only at the version the caller read (VersionConflictError otherwise). */
  async update(
    id: string,
    request: IncidentUpdate,
    actor: string,
    credentials: BackstageCredentials,
  ): Promise<Incident> {
    const current = await this.get(id);
    if (current.version !== request.version) {
      throw new VersionConflictError(current.version);
    }
    const changes: IncidentChanges = {};
    const events: TimelineEvent[] = [];

    const edited: Array<'title' | 'description' | 'postmortem'> = [];
    for (const field of ['title', 'description', 'postmortem'] as const) {
      const value = request[field];
      if (value !== undefined && value !== current[field]) {
        changes[field] = value;
        edited.push(field);
      }
    }
    if (edited.length) events.push({ kind: 'edit', fields: edited });

    if (request.level !== undefined && request.level !== current.level) {
      this.level('level', request.level);
      changes.level = request.level;
      events.push({
        kind: 'level',
        from: current.level,
        to: request.level,
        ...(request.levelReason ? { reason: request.levelReason } : {}),
      });
    }

    const { catalogRefs } = this.options;
    let owner: { from?: string; to?: string } | undefined;
    if (request.owner !== undefined) {
      const to =
        request.owner === null
          ? undefined
          : (await catalogRefs.users('owner', [request.owner], credentials))[0];
      if (to !== current.owner) {
        changes.owner = to ?? null;
        owner = {
          ...(current.owner ? { from: current.owner } : {}),
          ...(to ? { to } : {}),
        };
      }
    }
    let added: string[] = [];
    let removed: string[] = [];
    if (request.responders !== undefined) {
      const next = await catalogRefs.users(
        'responders',
        request.responders,
        credentials,
      );
      added = next.filter(r => !current.responders.includes(r));
      removed = current.responders.filter(r => !next.includes(r));
      if (added.length || removed.length) changes.responders = next;
    }
    if (owner || added.length || removed.length) {
      events.push({
        kind: 'assignment',
        ...(owner ? { owner } : {}),
        respondersAdded: added,
        respondersRemoved: removed,
      });
    }

    if (!events.length) {
      return current;
    }
    const result = await this.options.store.update(
      id,
      request.version,
      changes,
      events,
      actor,
      this.now(),
    );
    if (result.outcome === 'conflict') {
      throw new VersionConflictError(result.currentVersion);
    }
    if (result.outcome === 'not-found') {
      throw new NotFoundError(`No incident with id '${id}'`);
    }
    this.options.onChange(id, 'updated');
    return result.incident;
  }

  /**
   * A stage move of the procedure, with the milestones it sets. Entering
   * `postmortem` starts the document from the template when there is none.
   * Not tied to a version the caller read: the move is checked against the
   * stage it is applied to, retried if another change came in between.
   */
  async transition(
    id: string,
    move: Transition,
    actor: string,
  ): Promise<Incident> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.get(id);
      const refusal = transitionError(current.stage, move.to);
      if (refusal) {
        throw new InputError(
          `Invalid transition to '${move.to}' (${refusal.code}): ${refusal.message}`,
        );
      }
      const now = this.now();
      const at = now.toISOString();
      const milestones = milestonesAfterMove(current, {
        from: current.stage,
        to: move.to,
        at,
      });
      const changes: IncidentChanges = {
        stage: move.to,
        acknowledgedAt: milestones.acknowledgedAt ?? null,
        resolvedAt: milestones.resolvedAt ?? null,
        closedAt: move.to === 'closed' ? at : null,
      };
      if (move.to === 'postmortem' && current.postmortem === undefined) {
        changes.postmortem = postmortemTemplate({
          incident: { ...current, ...milestones, stage: move.to },
          timeline: await this.options.store.timeline(id),
          level: findLevel(this.options.levels, current.level),
          now,
        });
      }
      const result = await this.options.store.update(
        id,
        current.version,
        changes,
        [
          {
            kind: 'transition',
            from: current.stage,
            to: move.to,
            ...(move.note ? { note: move.note } : {}),
          },
        ],
        actor,
        now,
      );
      if (result.outcome === 'updated') {
        this.options.onChange(id, 'transition');
        return result.incident;
      }
      if (result.outcome === 'not-found' || attempt === MOVE_ATTEMPTS) {
        throw result.outcome === 'not-found'
          ? new NotFoundError(`No incident with id '${id}'`)
          : new ConflictError(
              'The incident kept changing while it was moved; try again',
            );
      }
    }
  }

  async addNote(
    id: string,
    text: string,
    actor: string,
  ): Promise<TimelineEntry> {
    await this.get(id);
    const [entry] = await this.options.store.addEntries(
      id,
      [{ kind: 'note', text }],
      actor,
      this.now(),
    );
    this.options.onChange(id, 'note');
    return entry;
  }

  async stats(window: StatsWindow): Promise<IncidentStats> {
    return this.options.store.stats(this.options.levels, window, this.now());
  }
}
