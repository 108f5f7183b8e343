import { z } from 'zod';
import { LEVEL_ID_PATTERN } from './levels';
import { INCIDENT_STATUSES, STAGES } from './stages';
import { STATS_WINDOWS } from './stats';

/** Size limits of the REST API's text fields. */
export const LIMITS = {
  title: 200,
  description: 10_000,
  note: 10_000,
  levelReason: 1_000,
  postmortem: 100_000,
  entityRef: 255,
  responders: 50,
  searchText: 200,
  cursor: 1_000,
  pageSize: 100,
} as const;

/**
 * The format of a level id only: whether the level is configured is for the
 * backend to check against its `incidents.levels` (`findLevel`).
 */
const levelId = z
  .string()
  .regex(LEVEL_ID_PATTERN, 'a level id is P followed by a number, e.g. P1');

/** The format is checked by the backend (`parseEntityRef`) with the catalog. */
const entityRef = z.string().trim().min(1).max(LIMITS.entityRef);

const title = z.string().trim().min(1).max(LIMITS.title);
const description = z.string().max(LIMITS.description);
const responders = z.array(entityRef).max(LIMITS.responders);

/** `POST /incidents` */
export const createIncidentRequestSchema = z
  .object({
    title,
    description: description.optional(),
    level: levelId,
    entityRef: entityRef.optional(),
    owner: entityRef.optional(),
    responders: responders.optional(),
    /** When the problem began, if before the incident is filed; default now. */
    detectedAt: z.string().datetime({ offset: true }).optional(),
  })
  .strict();
export type CreateIncidentRequest = z.input<typeof createIncidentRequestSchema>;

/** `PATCH /incidents/:id`: the fields to change, with the version they were read at. */
export const updateIncidentRequestSchema = z
  .object({
    version: z.number().int().positive(),
    title: title.optional(),
    description: description.optional(),
    level: levelId.optional(),
    /** Why the level changed; goes to the timeline. */
    levelReason: z.string().trim().min(1).max(LIMITS.levelReason).optional(),
    /** null unassigns. */
    owner: entityRef.nullable().optional(),
    responders: responders.optional(),
    postmortem: z.string().max(LIMITS.postmortem).optional(),
  })
  .strict()
  .refine(body => Object.keys(body).some(key => key !== 'version'), {
    message: 'Nothing to change: name at least one field besides version',
  })
  .refine(body => body.levelReason === undefined || body.level !== undefined, {
    message: 'levelReason is only meaningful with level',
    path: ['levelReason'],
  });
export type UpdateIncidentRequest = z.input<typeof updateIncidentRequestSchema>;

/** `POST /incidents/:id/transitions` */
export const transitionRequestSchema = z
  .object({
    to: z.enum(STAGES),
    note: z.string().trim().max(LIMITS.note).optional(),
  })
  .strict();
export type TransitionRequest = z.input<typeof transitionRequestSchema>;

/** `POST /incidents/:id/notes` */
export const noteRequestSchema = z
  .object({
    text: z.string().trim().min(1).max(LIMITS.note),
  })
  .strict();
export type NoteRequest = z.input<typeof noteRequestSchema>;

/** `GET /incidents?…` (query string values). */
export const listIncidentsQuerySchema = z
  .object({
    /** `open`, `resolved`, `closed` or a single stage (`stagesOfStatus`). */
    status: z.enum([...INCIDENT_STATUSES, ...STAGES]).optional(),
    level: levelId.optional(),
    entityRef: entityRef.optional(),
    owner: entityRef.optional(),
    /** Matches title and description. */
    q: z.string().trim().min(1).max(LIMITS.searchText).optional(),
    cursor: z.string().min(1).max(LIMITS.cursor).optional(),
    limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(50),
  })
  .strict();
export type ListIncidentsQuery = z.input<typeof listIncidentsQuerySchema>;

/** `GET /stats?window=` */
export const statsQuerySchema = z
  .object({
    window: z.enum(STATS_WINDOWS).default('30d'),
  })
  .strict();
export type StatsQuery = z.input<typeof statsQuerySchema>;
