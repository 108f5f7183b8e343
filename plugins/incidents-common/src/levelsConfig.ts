import { ConfigReader, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { z } from 'zod';
import {
  compareLevelIds,
  DEFAULT_LEVELS,
  IncidentLevel,
  LEVEL_ID_PATTERN,
  ROLE_PATTERN,
} from './levels';

/**
 * A duration the way Backstage config spells it everywhere: a HumanDuration
 * object (`{ minutes: 15 }`), an `ms` string (`15m`, `2 hours`) or ISO 8601
 * (`PT2H`). Backstage's own reader parses it, so the forms match the
 * scheduler's and the rest of app-config.
 */
function durationMs(field: string) {
  return z.union([z.string(), z.record(z.number())]).transform((value, ctx) => {
    let ms: number;
    try {
      const duration = readDurationFromConfig(
        new ConfigReader({ [field]: value }),
        { key: field },
      );
      ms = durationToMilliseconds(duration);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
    if (!(ms > 0)) {
      ctx.addIssue({
        code: 'custom',
        message: `${field} must be longer than 0`,
      });
      return z.NEVER;
    }
    return ms;
  });
}

const levelConfigSchema = z
  .object({
    name: z.string().trim().min(1).max(50),
    description: z.string().trim().max(200),
    action: z.string().trim().max(200),
    response: durationMs('response'),
    resolution: durationMs('resolution'),
    escalation: z
      .array(
        z
          .string()
          .regex(
            ROLE_PATTERN,
            'a role is lower-case letters, digits and _, e.g. devops_lead',
          ),
      )
      .min(1)
      .max(10)
      .refine(roles => new Set(roles).size === roles.length, {
        message: 'a role appears twice in the chain',
      }),
  })
  .partial()
  .strict();

/**
 * `incidents.levels`: a map from level id to the fields to set. A default
 * level (P1/P2/P3) keeps every field the config does not set; a new level
 * must set name, response, resolution and escalation. A map rather than a
 * list so that e.g. `app-config.production.yaml` can change one response
 * time without repeating the table.
 */
export const levelsConfigSchema = z.record(
  z
    .string()
    .regex(LEVEL_ID_PATTERN, 'a level id is P followed by a number, e.g. P4'),
  levelConfigSchema,
);

/**
 * The levels of `incidents.levels` (a plain object, e.g.
 * `config.getOptional('incidents.levels')`) merged over `DEFAULT_LEVELS`,
 * most severe first. Throws an Error naming every bad field.
 */
export function parseLevelsConfig(
  value: unknown,
  defaults: readonly IncidentLevel[] = DEFAULT_LEVELS,
): IncidentLevel[] {
  if (value === undefined || value === null) {
    return [...defaults];
  }
  const parsed = levelsConfigSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(
      `Invalid incidents.levels: ${parsed.error.issues
        .map(i => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  }
  const levels = new Map(defaults.map(l => [l.id, l]));
  const problems: string[] = [];
  for (const [id, fields] of Object.entries(parsed.data)) {
    const base = levels.get(id);
    const level = {
      ...base,
      id,
      ...definedOnly({
        name: fields.name,
        description: fields.description,
        action: fields.action,
        responseMs: fields.response,
        resolutionMs: fields.resolution,
        escalation: fields.escalation,
      }),
    };
    const missing = (
      ['name', 'responseMs', 'resolutionMs', 'escalation'] as const
    )
      .filter(key => level[key] === undefined)
      .map(key => key.replace(/Ms$/, ''));
    if (missing.length) {
      problems.push(`${id}: a new level needs ${missing.join(', ')}`);
      continue;
    }
    const complete = { description: '', ...level } as IncidentLevel;
    if (complete.resolutionMs < complete.responseMs) {
      problems.push(`${id}: resolution is shorter than response`);
      continue;
    }
    levels.set(id, complete);
  }
  if (problems.length) {
    throw new Error(`Invalid incidents.levels: ${problems.join('; ')}`);
  }
  return [...levels.values()].sort((a, b) => compareLevelIds(a.id, b.id));
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}
