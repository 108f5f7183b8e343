import { CustomErrorBase } from '@backstage/errors';
import { z } from 'zod/v4';
import { Backup, TargetObservation } from '../types';

/** Why `pgbackrest info --output=json` output could not be read. */
export class PgBackRestInfoError extends CustomErrorBase {
  name = 'PgBackRestInfoError' as const;
  constructor(
    /** `invalid-json`: not JSON (garbage, truncated); `unexpected-shape`: JSON, not info's. */
    readonly reason: 'invalid-json' | 'unexpected-shape',
    message: string,
  ) {
    super(message);
  }
}

// zod 4 (zod/v4 of the installed zod 3.25): several times faster than zod 3
// on large info documents. pgBackRest adds fields between versions: unknown
// fields are ignored (zod's default strip).
const statusSchema = z.object({ code: z.number().int(), message: z.string() });
const segment = z.string().regex(/^[0-9A-F]{24}$/, 'a WAL segment name');
const unixSeconds = z.number().int().nonnegative();

const backupSchema = z.object({
  label: z.string().min(1),
  type: z.enum(['full', 'diff', 'incr']),
  error: z.boolean().optional(),
  archive: z
    .object({ start: segment.nullable(), stop: segment.nullable() })
    .optional(),
  info: z
    .object({
      size: z.number().nonnegative(),
      repository: z
        .object({ size: z.number().nonnegative().optional() })
        .optional(),
    })
    .optional(),
  reference: z.array(z.string()).nullable().optional(),
  timestamp: z.object({ start: unixSeconds, stop: unixSeconds }),
});

const stanzaSchema = z.object({
  name: z.string(),
  status: statusSchema.extend({
    lock: z
      .object({
        backup: z.object({ held: z.boolean() }).optional(),
      })

      .optional(),
  }),
  cipher: z.string().optional(),
  db: z
    .array(
      z.object({
        id: z.number().int(),
        // a string: quoteSystemIds keeps its digits
        'system-id': z.string().regex(/^\d+$/),
        version: z.string(),
      }),
    )
    .optional(),
  archive: z
    .array(
      z.object({
        database: z.object({ id: z.number().int() }),
        min: segment.nullable(),
        max: segment.nullable(),
      }),
    )
    .optional(),
  backup: z.array(backupSchema).optional(),
  repo: z
    .array(z.object({ key: z.number().int().optional(), status: statusSchema }))
    .optional(),
});

const infoSchema = z.array(stanzaSchema);

/** One stanza of `pgbackrest info`, normalised; an evaluation input. */
export interface PgBackRestStanza extends TargetObservation {
  name: string;
  /** The stanza's status: 0 ok, 1 missing stanza path, 2 no valid backups, … 99 other. */
  status: { code: number; message: string };
  /** PostgreSQL system identifier, all digits (it exceeds 2^53). */
  systemId?: string;
  pgVersion?: string;
  /** The repositories `info` lists for the stanza, as pgBackRest names them (`repo1`). */
  repositories?: string[];
}

/** Status codes that say nothing is wrong with the repository itself. */
const REPOSITORY_OK = new Set([0, 2]);

/**
 * Quotes every `"system-id": <digits>` before JSON.parse so the id stays a
 * string: as a number it exceeds 2^53 and loses digits. A pre-pass rather
 * than Node 22's reviver source-text context, which makes JSON.parse about 7×
 * slower on a 1,000-backup document (2 → 15 ms). Inside a JSON string the
 * quotes are escaped (`\"system-id\"`), so the pattern matches keys only.
 */
function quoteSystemIds(text: string): string {
  return text.replace(/"system-id"(\s*):(\s*)(\d+)/g, '"system-id"$1:$2"$3"');
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

function normaliseBackup(b: z.infer<typeof backupSchema>): Backup {
  return {
    id: b.label,
    type: b.type,
    status: 'completed',
    startedAt: iso(b.timestamp.start),
    stoppedAt: iso(b.timestamp.stop),
    ...(b.info ? { sizeBytes: b.info.size } : {}),
    ...(b.info?.repository?.size !== undefined
      ? { repositorySizeBytes: b.info.repository.size }
      : {}),
    checksumErrors: b.error === true,
    ...(b.archive?.start && b.archive.stop
      ? { wal: { start: b.archive.start, stop: b.archive.stop } }
      : {}),
    ...(b.reference?.length ? { references: b.reference } : {}),
  };
}

/** Each failing repository's own message; the stanza's when none says more. */
function repositoryMessage(
  stanzaMessage: string,
  failingRepos: ReadonlyArray<{ key?: number; status: { message: string } }>,
): string {
  if (!failingRepos.length) {
    return stanzaMessage;
  }
  return failingRepos
    .map(r => `${r.key ? `repo${r.key}: ` : ''}${r.status.message}`)
    .join('; ');
}

function normaliseStanza(s: z.infer<typeof stanzaSchema>): PgBackRestStanza {
  const backups = (s.backup ?? []).map(normaliseBackup);
  // the current database is the newest entry of db[]; its WAL is what counts
  const current = (s.db ?? []).reduce<(typeof s.db & {})[number] | undefined>(
    (newest, db) => (!newest || db.id > newest.id ? db : newest),
    undefined,
  );
  const archives = (s.archive ?? []).filter(
    a => !current || a.database.id === current.id,
  );
  const mins = archives.flatMap(a => (a.min ? [a.min] : [])).sort();
  const maxes = archives.flatMap(a => (a.max ? [a.max] : [])).sort();
  const newestSegment = maxes[maxes.length - 1];
  // info has no WAL times; when the newest segment is a backup's stop
  // segment, it was archived when that backup stopped (backup waits for it)
  const stoppedAtNewest = backups
    .filter(b => newestSegment && b.wal?.stop === newestSegment)
    .map(b => b.stoppedAt!)
    .sort()
    .pop();
  const failingRepos = (s.repo ?? []).filter(
    r => !REPOSITORY_OK.has(r.status.code),
  );
  const repositoryError = REPOSITORY_OK.has(s.status.code)
    ? undefined
    : repositoryMessage(s.status.message, failingRepos);
  const repositories = (s.repo ?? []).flatMap(r =>
    r.key !== undefined ? [`repo${r.key}`] : [],
  );
  return {
    name: s.name,
    status: { code: s.status.code, message: s.status.message },
    ...(repositories.length ? { repositories } : {}),
    ...(current
      ? { systemId: current['system-id'], pgVersion: current.version }
      : {}),
    backups,
    archive: {
      ...(mins[0] ? { oldestSegment: mins[0] } : {}),
      ...(newestSegment ? { newestSegment } : {}),
      ...(stoppedAtNewest ? { newestArchivedAt: stoppedAtNewest } : {}),
    },
    ...(repositoryError ? { repositoryError } : {}),
    ...(s.status.lock?.backup?.held ? { backupInProgress: true } : {}),
  };
}

/**
 * The stanzas of `pgbackrest info --output=json` (pgBackRest 2.45 format).
 * `info` exits 0 even when the repository is missing or unreadable, so the
 * problems are read from the JSON: a stanza status other than 0 (ok) and 2
 * (no valid backups) becomes `repositoryError`, with each failing
 * repository's own message (`repo[].status.message`). Throws only
 * `PgBackRestInfoError`.
 */
export function parsePgBackRestInfo(text: string): PgBackRestStanza[] {
  let json: unknown;
  try {
    json = JSON.parse(quoteSystemIds(text));
  } catch (error) {
    throw new PgBackRestInfoError(
      'invalid-json',
      `pgbackrest info output is not JSON: ${(error as Error).message}`,
    );
  }
  const parsed = infoSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PgBackRestInfoError(
      'unexpected-shape',
      `pgbackrest info output is not in the expected format: ` +
        `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
  }
  return parsed.data.map(normaliseStanza);
}

/**
 * The observation of one stanza. Without `--stanza`, a missing repository
 * prints just `[]`: a stanza not listed is a repository error, not "no
 * backups".
 */
export function stanzaObservation(
  stanzas: readonly PgBackRestStanza[],
  name: string,
): PgBackRestStanza {
  const stanza = stanzas.find(s => s.name === name);
  if (stanza) {
    return stanza;
  }
  const message = `pgBackRest lists no stanza '${name}': the repository is missing, empty or holds other stanzas`;
  return {
    name,
    status: { code: 1, message: 'missing stanza path' },
    backups: [],
    repositoryError: message,
  };
}
