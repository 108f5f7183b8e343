import { Config, ConfigReader } from '@backstage/config';
import { readOptionalDurationMs } from '@fdp/platform-node';
import { JsonObject } from '@backstage/types';
import {
  BackupPolicy,
  POLICY_NAME_PATTERN,
  parsePoliciesConfig,
} from '@fdp/plugin-backups-common';
import { z } from 'zod';

const name = z
  .string()
  .regex(POLICY_NAME_PATTERN, 'lower-case letters, digits and -');

const pgbackrestSchema = z
  .object({
    name,
    /** argv, run without a shell */
    command: z.array(z.string().min(1)).min(1).optional(),
    /** the JSON a CronJob writes */
    file: z.string().min(1).optional(),
    timeoutSeconds: z.number().positive().max(600).default(30),
    maxOutputBytes: z
      .number()
      .int()
      .positive()
      .default(16 * 1024 * 1024),
    stanzas: z
      .array(
        z
          .object({
            target: name,
            stanza: z.string().min(1).optional(),
            policy: name.default('postgresql'),
            archiver: z
              .object({ connection: z.string().min(1) })
              .strict()
              .optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .refine(p => (p.command === undefined) !== (p.file === undefined), {
    message: 'set exactly one of command and file',
  });

const veleroSchema = z
  .object({
    name,
    /** a cluster of the shared informer cache */
    cluster: z.string().min(1),
    namespace: z.string().min(1).default('velero'),
    schedules: z
      .array(
        z
          .object({
            target: name,
            schedule: z.string().min(1),
            policy: name.default('cluster-snapshots'),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

const backupsSchema = z
  .object({
    policies: z.unknown().optional(),
    refreshSeconds: z.number().int().min(1).max(3600).default(60),
    pgbackrest: z.array(pgbackrestSchema).default([]),
    velero: z.array(veleroSchema).default([]),
  })
  .strict();

export type PgBackRestSourceConfig = z.output<typeof pgbackrestSchema>;
export type VeleroSourceConfig = z.output<typeof veleroSchema>;

export interface BackupsConfig {
  policies: BackupPolicy[];
  refreshSeconds: number;
  pgbackrest: PgBackRestSourceConfig[];
  velero: VeleroSourceConfig[];
}

/**
 * Reads `backups.*` (policies with the documented ones as defaults, pgBackRest and
 * Velero sources and their targets); start-up fails with an error naming
 * every bad key, an unknown policy, a policy of the wrong kind (pgBackRest
 * targets take database policies, Velero targets snapshot policies) and a
 * target name used twice.
 */
export function readBackupsConfig(
  config: Config,
  warn: (message: string) => void = () => {},
): BackupsConfig {
  return parseBackupsConfig(config.getOptional('backups') ?? {}, warn);
}

const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `raw` with its duration `key` (`{ seconds: 30 }`, `30s`) as the number
 * `secondsKey` the schema checks; a number `secondsKey` alone is the
 * deprecated form (warned). A bad `secondsKey` is left to the schema.
 */
function durationAsSeconds(
  raw: unknown,
  key: string,
  secondsKey: string,
  section: string,
  warn: (message: string) => void,
): unknown {
  if (!isObject(raw)) return raw;
  const { [key]: value, ...rest } = raw;
  if (value === undefined && typeof rest[secondsKey] !== 'number') return raw;
  try {
    const ms = readOptionalDurationMs(new ConfigReader(raw), key, {
      key: secondsKey,
      unit: 'seconds',
      section,
      warn,
    });
    return { ...rest, [secondsKey]: ms! / 1000 };
  } catch (e) {
    throw new Error(
      `Invalid backups config: ${section}${key}: ${(e as Error).message}`,
    );
  }
}

/** `backups.refreshInterval` and `pgbackrest[].timeout` as the seconds the schema checks. */
function durationsAsSeconds(
  value: unknown,
  warn: (message: string) => void,
): unknown {
  const top = durationAsSeconds(
    value,
    'refreshInterval',
    'refreshSeconds',
    'backups.',
    warn,
  );
  if (!isObject(top) || !Array.isArray(top.pgbackrest)) return top;
  return {
    ...top,
    pgbackrest: top.pgbackrest.map((source, i) =>
      durationAsSeconds(
        source,
        'timeout',
        'timeoutSeconds',
        `backups.pgbackrest[${i}].`,
        warn,
      ),
    ),
  };
}

export function parseBackupsConfig(
  value: unknown,
  warn: (message: string) => void = () => {},
): BackupsConfig {
  const parsed = backupsSchema.safeParse(durationsAsSeconds(value, warn));
  if (!parsed.success) {
    throw new Error(
      `Invalid backups config: ${parsed.error.issues
        .map(i => `backups.${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  }
  const { policies: policiesValue, ...rest } = parsed.data;
  const policies = parsePoliciesConfig(policiesValue);
  const problems: string[] = [];
  const seen = new Set<string>();
  const check = (
    key: string,
    target: string,
    policyName: string,
    kind: BackupPolicy['kind'],
  ) => {
    if (seen.has(target)) {
      problems.push(`${key}.target: '${target}' is used twice`);
    }
    seen.add(target);
    const policy = policies.find(p => p.name === policyName);
    if (!policy) {
      problems.push(`${key}.policy: no policy '${policyName}'`);
    } else if (policy.kind !== kind) {
      problems.push(
        `${key}.policy: '${policyName}' is a ${policy.kind} policy, this target needs a ${kind} policy`,
      );
    }
  };
  rest.pgbackrest.forEach((source, i) =>
    source.stanzas.forEach((s, j) =>
      check(
        `backups.pgbackrest.${i}.stanzas.${j}`,
        s.target,
        s.policy,
        'database',
      ),
    ),
  );
  rest.velero.forEach((source, i) =>
    source.schedules.forEach((s, j) =>
      check(
        `backups.velero.${i}.schedules.${j}`,
        s.target,
        s.policy,
        'snapshot',
      ),
    ),
  );
  if (problems.length) {
    throw new Error(`Invalid backups config: ${problems.join('; ')}`);
  }
  return { policies, ...rest };
}
