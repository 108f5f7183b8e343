import {
  IncidentLevel,
  IncidentStats,
  LevelStats,
  SlaCompliance,
  StatsWindow,
  statsWindowMs,
} from '@fdp/plugin-incidents-common';
import { Knex } from 'knex';

interface Sums {
  incidents: number;
  ttaSum: number;
  ttaCount: number;
  ttrSum: number;
  ttrCount: number;
  responseMet: number;
  responseBreached: number;
  resolutionMet: number;
  resolutionBreached: number;
}

const ZERO: Sums = {
  incidents: 0,
  ttaSum: 0,
  ttaCount: 0,
  ttrSum: 0,
  ttrCount: 0,
  responseMet: 0,
  responseBreached: 0,
  resolutionMet: 0,
  resolutionBreached: 0,
};

/**
 * `computeStats` (incidents-common, the reference) as one aggregate query
 * over the window's rows, grouped by level: sums and counts rather than
 * averages so that `all` is added up exactly from the levels. The windows of
 * the configured levels come in as bindings; an unconfigured level gets NULL
 * due times, which count neither as met nor as breached, as in computeStats.
 */
export async function queryStats(
  db: Knex,
  levels: readonly IncidentLevel[],
  window: StatsWindow,
  now: Date,
): Promise<IncidentStats> {
  const from = new Date(now.getTime() - statsWindowMs(window));
  // epoch milliseconds: better-sqlite3 stores the times as such already
  const ms = (column: string) =>
    db.client.config.client === 'pg'
      ? `(extract(epoch from ${column}) * 1000)`
      : column;
  const windowCase = (field: 'responseMs' | 'resolutionMs') => ({
    sql: `CASE ${levels
      .map(() => 'WHEN level = ? THEN CAST(? AS bigint)')
      .join(' ')} END`,
    bindings: levels.flatMap(l => [l.id, l[field]]),
  });
  const response = windowCase('responseMs');
  const resolution = windowCase('resolutionMs');
  const rows: Array<Record<string, string | number | null>> = await db
    .select(
      'level',
      db.raw('count(*) AS incidents'),
      db.raw('sum(ack - det) AS tta_sum'),
      db.raw('count(ack) AS tta_count'),
      db.raw('sum(res - det) AS ttr_sum'),
      db.raw('count(res) AS ttr_count'),
      db.raw(
        'sum(CASE WHEN ack <= det + response_ms THEN 1 ELSE 0 END) AS response_met',
      ),
      db.raw(
        'sum(CASE WHEN coalesce(ack, ?) > det + response_ms THEN 1 ELSE 0 END) AS response_breached',
        [now.getTime()],
      ),
      db.raw(
        'sum(CASE WHEN res <= det + resolution_ms THEN 1 ELSE 0 END) AS resolution_met',
      ),
      db.raw(
        'sum(CASE WHEN coalesce(res, ?) > det + resolution_ms THEN 1 ELSE 0 END) AS resolution_breached',
        [now.getTime()],
      ),
    )
    .from(
      db('incidents')
        .select(
          'level',
          db.raw(`${ms('detected_at')} AS det`),
          db.raw(`${ms('acknowledged_at')} AS ack`),
          db.raw(`${ms('resolved_at')} AS res`),
          db.raw(`${response.sql} AS response_ms`, response.bindings),
          db.raw(`${resolution.sql} AS resolution_ms`, resolution.bindings),
        )
        .where('detected_at', '>=', from)
        .andWhere('detected_at', '<=', now)
        .as('w'),
    )
    .groupBy('level');

  const byLevel = new Map<string, Sums>(
    rows.map(row => [
      String(row.level),
      {
        incidents: Number(row.incidents),
        ttaSum: Number(row.tta_sum ?? 0),
        ttaCount: Number(row.tta_count),
        ttrSum: Number(row.ttr_sum ?? 0),
        ttrCount: Number(row.ttr_count),
        responseMet: Number(row.response_met),
        responseBreached: Number(row.response_breached),
        resolutionMet: Number(row.resolution_met),
        resolutionBreached: Number(row.resolution_breached),
      },
    ]),
  );
  const all = [...byLevel.values()].reduce(add, ZERO);
  return {
    window,
    from: from.toISOString(),
    to: now.toISOString(),
    levels: levels.map(l => result(l.id, byLevel.get(l.id) ?? ZERO)),
    overall: result('all', all),
  };
}

function add(a: Sums, b: Sums): Sums {
  return Object.fromEntries(
    Object.keys(ZERO).map(k => [k, a[k as keyof Sums] + b[k as keyof Sums]]),
  ) as unknown as Sums;
}

function compliance(met: number, breached: number): SlaCompliance {
  const decided = met + breached;
  return { met, breached, ratio: decided ? met / decided : null };
}

function result(level: string, s: Sums): LevelStats {
  return {
    level,
    incidents: s.incidents,
    mttaMs: s.ttaCount ? s.ttaSum / s.ttaCount : null,
    mttrMs: s.ttrCount ? s.ttrSum / s.ttrCount : null,
    response: compliance(s.responseMet, s.responseBreached),
    resolution: compliance(s.resolutionMet, s.resolutionBreached),
  };
}
