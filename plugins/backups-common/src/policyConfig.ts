import { ConfigReader, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import {
  BackupPolicy,
  DEFAULT_POLICIES_CONFIG,
  DEFAULT_TIME_ZONE,
} from './policy';
import { scheduleError } from './schedule';

/**
 * A duration the way Backstage config spells it everywhere: a HumanDuration
 * object (`{ weeks: 4 }`), an `ms` string (`4w`, `30 days`) or ISO 8601
 * (`P30D`), read by Backstage's own reader; must be longer than 0.
 */
function durationMs() {
  return z.union([z.string(), z.record(z.number())]).transform((value, ctx) => {
    let ms: number;
    try {
      ms = durationToMilliseconds(
        readDurationFromConfig(new ConfigReader({ value }), { key: 'value' }),
      );
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
    if (!(ms > 0)) {
      ctx.addIssue({ code: 'custom', message: 'must be longer than 0' });
      return z.NEVER;
    }
    return ms;
  });
}

const timeZoneSchema = z
  .string()
  .refine(zone => IANAZone.isValidZone(zone), {
    message: 'not an IANA time zone (e.g. Asia/Seoul)',
  })
  .default(DEFAULT_TIME_ZONE);

const cronSchema = z.string().max(200);
const gracePeriodSchema = durationMs().default({ hours: 1 });
const countSchema = z.number().int().min(0).max(1000);

const scheduledRetentionSchema = z
  .object({ schedule: cronSchema, retention: durationMs() })
  .strict();

const databasePolicySchema = z
  .object({
    kind: z.literal('database'),
    timeZone: timeZoneSchema,
    gracePeriod: gracePeriodSchema,
    full: scheduledRetentionSchema,
    incremental: scheduledRetentionSchema,
    walArchive: z
      .object({
        retention: durationMs(),
        lag: z
          .object({ warning: durationMs(), critical: durationMs() })
          .strict()
          .refine(lag => lag.warning <= lag.critical, {
            message: 'warning must not be longer than critical',
          }),
      })
      .strict(),
  })
  .strict();

const snapshotPolicySchema = z
  .object({
    kind: z.literal('snapshot'),
    timeZone: timeZoneSchema,
    gracePeriod: gracePeriodSchema,
    schedule: cronSchema,
    retention: z
      .object({
        hourly: countSchema,
        daily: countSchema,
        weekly: countSchema,
        monthly: countSchema,
      })
      .strict(),
    storage: z
      .object({
        provider: z.literal('s3'),
        bucket: z.string().min(1).max(63),
        region: z.string().min(1).max(50),
      })
      .strict()
      .optional(),
  })
  .strict();

/** One policy of `backups.policies` (complete, after the merge with a default). */
export const backupPolicyConfigSchema = z
  .discriminatedUnion('kind', [databasePolicySchema, snapshotPolicySchema])
  .superRefine((policy, ctx) => {
    const schedules: Array<[string[], string]> =
      policy.kind === 'database'
        ? [
            [['full', 'schedule'], policy.full.schedule],
            [['incremental', 'schedule'], policy.incremental.schedule],
          ]
        : [[['schedule'], policy.schedule]];
    for (const [path, schedule] of schedules) {
      const message = scheduleError(schedule, policy.timeZone);
      if (message) {
        ctx.addIssue({ code: 'custom', path, message });
      }
    }
  });

/** Policy names are what targets refer to: lower-case, digits and dashes. */
export const POLICY_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** `backups.policies`: a map from policy name to policy. */
export const backupPoliciesConfigSchema = z.record(
  z
    .string()
    .regex(
      POLICY_NAME_PATTERN,
      'a policy name is lower-case letters, digits and -',
    ),
  backupPolicyConfigSchema,
);

/**
 * The policies of `backups.policies` (a plain object, e.g.
 * `config.getOptional('backups.policies')`) over the documented
 * `DEFAULT_POLICIES_CONFIG`. For a default policy, each field the config sets
 * replaces the default's field whole (so `retention: { days: 30 }` never
 * merges into `{ weeks: 4 }`); a new policy must be complete. Throws an
 * Error naming every bad field.
 */
export function parsePoliciesConfig(
  value: unknown,
  defaults: Record<string, object> = DEFAULT_POLICIES_CONFIG,
): BackupPolicy[] {
  if (value !== undefined && value !== null && !isPlainObject(value)) {
    throw new Error('Invalid backups.policies: must be an object');
  }
  const merged: Record<string, unknown> = { ...defaults };
  for (const [name, policy] of Object.entries(value ?? {})) {
    merged[name] =
      isPlainObject(policy) && isPlainObject(defaults[name])
        ? { ...defaults[name], ...policy }
        : policy;
  }
  const parsed = backupPoliciesConfigSchema.safeParse(merged);
  if (!parsed.success) {
    throw new Error(
      `Invalid backups.policies: ${parsed.error.issues
        .map(issue => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ')}`,
    );
  }
  return Object.entries(parsed.data).map(([name, policy]) => {
    const base = {
      name,
      timeZone: policy.timeZone,
      gracePeriodMs: policy.gracePeriod,
    };
    if (policy.kind === 'database') {
      return {
        ...base,
        kind: 'database',
        full: {
          schedule: policy.full.schedule,
          retentionMs: policy.full.retention,
        },
        incremental: {
          schedule: policy.incremental.schedule,
          retentionMs: policy.incremental.retention,
        },
        walArchive: {
          retentionMs: policy.walArchive.retention,
          lag: {
            warningMs: policy.walArchive.lag.warning,
            criticalMs: policy.walArchive.lag.critical,
          },
        },
      };
    }
    return {
      ...base,
      kind: 'snapshot',
      schedule: policy.schedule,
      retention: policy.retention,
      ...(policy.storage ? { storage: policy.storage } : {}),
    };
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The documented policies: PostgreSQL/TimescaleDB and cluster snapshots. */
export const DEFAULT_POLICIES: readonly BackupPolicy[] =
  parsePoliciesConfig(undefined);
