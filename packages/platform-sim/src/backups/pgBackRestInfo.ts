/**
 * The JSON of `pgbackrest info --output=json` (pgBackRest 2.45) for one
 * stanza, as a repository would hold it at a scenario time under the
 * documented policy: a full backup every Sunday 01:00 and an incremental
 * every other day at 01:00 (Asia/Seoul, UTC+9 all year), WAL archived up to
 * now. The portal's dev demo reads it as the file a CronJob writes
 * (`--pgbackrest-info-out`); the backups benchmark writes large ones.
 */

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** Seoul has no daylight saving time. */
const SEOUL_OFFSET = 9 * HOUR;
const FULL_SECONDS = 300;
const INCR_SECONDS = 40;
/** The documented repository: a second of WAL segments every 10 minutes. */
const SEGMENTS_PER_HOUR = 6;
const FULL_BYTES = 2_415_919_104;
const INCR_BYTES = 83_886_080;

export interface PgBackRestInfoOptions {
  stanza: string;
  /** Scenario time (ms). */
  nowMs: number;
  /** At least this many backups, oldest a full (default: 5 weeks' worth). */
  backups?: number;
  /** PostgreSQL system identifier: more digits than a double holds. */
  systemId?: string;
}

/** `n` as a WAL segment name of timeline 1 (16 MiB segments: 256 per log). */
function segment(n: number): string {
  const hex = (v: number) => v.toString(16).toUpperCase().padStart(8, '0');
  return `00000001${hex(Math.floor(n / 256))}${hex(n % 256)}`;
}

/** `20261129-010002` in Seoul time, as pgBackRest labels its backups. */
function labelTime(ms: number): string {
  const iso = new Date(ms + SEOUL_OFFSET).toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '')}-${iso
    .slice(11, 19)
    .replace(/:/g, '')}`;
}

/** The runs (01:00 Seoul each day) finished by `nowMs`, oldest first: at least `count`, the first a Sunday. */
function runs(nowMs: number, count: number): number[] {
  // 01:00 Seoul = 16:00 UTC the day before
  let day =
    Math.floor((nowMs + SEOUL_OFFSET) / DAY) * DAY - SEOUL_OFFSET + HOUR;
  if (day + FULL_SECONDS * 1000 > nowMs) day -= DAY;
  const out: number[] = [];
  const isSunday = (ms: number) =>
    new Date(ms + SEOUL_OFFSET).getUTCDay() === 0;
  while (out.length < count || !isSunday(out[out.length - 1])) {
    out.push(day);
    day -= DAY;
  }
  return out.reverse().map((ms, i) => ms + ((i * 7) % 5) * 1000);
}

/** The `info` JSON text (one stanza); `db.system-id` is written unquoted, as pgBackRest does. */
export function pgBackRestInfo(options: PgBackRestInfoOptions): string {
  const { stanza, nowMs } = options;
  const systemId = options.systemId ?? '7312345678901234567';
  const starts = runs(nowMs, options.backups ?? 35);
  let seg = 2;
  let full: string | undefined;
  let chain: string[] = [];
  const backup = starts.map(start => {
    const isFull = new Date(start + SEOUL_OFFSET).getUTCDay() === 0;
    const stop = start + (isFull ? FULL_SECONDS : INCR_SECONDS) * 1000;
    const time = labelTime(start);
    const label = isFull ? `${time}F` : `${full}_${time}I`;
    const prior = chain[chain.length - 1] ?? null;
    const reference = isFull ? null : [...chain];
    if (isFull) {
      full = label;
      chain = [label];
    } else {
      chain.push(label);
    }
    // a day of WAL since the previous backup, then this backup's own segment
    seg += 24 * SEGMENTS_PER_HOUR;
    const wal = segment(seg);
    const bytes = isFull ? FULL_BYTES : INCR_BYTES;
    return {
      archive: { start: wal, stop: wal },
      backrest: { format: 5, version: '2.45' },
      database: { id: 1, 'repo-key': 1 },
      error: false,
      info: {
        delta: bytes,
        repository: { delta: bytes / 8, size: bytes / 8 },
        size: FULL_BYTES,
      },
      label,
      lsn: {
        start: `0/${seg.toString(16)}000028`,
        stop: `0/${seg.toString(16)}000100`,
      },
      prior: isFull ? null : prior,
      reference,
      timestamp: {
        start: Math.floor(start / 1000),
        stop: Math.floor(stop / 1000),
      },
      type: isFull ? 'full' : 'incr',
    };
  });
  const newest = starts[starts.length - 1];
  const walSince = Math.floor(((nowMs - newest) / HOUR) * SEGMENTS_PER_HOUR);
  const info = [
    {
      archive: [
        {
          database: { id: 1, 'repo-key': 1 },
          id: '16-1',
          max: segment(seg + walSince),
          min: backup[0].archive.start,
        },
      ],
      backup,
      cipher: 'none',
      db: [{ id: 1, 'repo-key': 1, 'system-id': systemId, version: '16' }],
      name: stanza,
      repo: [{ cipher: 'none', key: 1, status: { code: 0, message: 'ok' } }],
      status: {
        code: 0,
        lock: { backup: { held: false } },
        message: 'ok',
      },
    },
  ];
  return JSON.stringify(info).replace(/"system-id":"(\d+)"/g, '"system-id":$1');
}
