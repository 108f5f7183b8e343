/* eslint-disable no-console */
/**
 * Incidents benchmarks on PostgreSQL (the shared server, databases of a
 * unique prefix, dropped at the end), with 100,000 incidents of history over
 * two years (200 open) and their timelines seeded in bulk with knex into the
 * running backend's incidents database:
 *
 * 1. GET /api/incidents/incidents?status=open and one open incident's detail
 *    (autocannon, 50 connections), side by side with Backstage's liveness
 *    route on the same backend in the same run (the root router's middleware
 *    without auth or a plugin: the floor any plugin route sits on); the list
 *    also with pages of 25, as a revalidation (If-None-Match: 304) and with
 *    every request a query of its own (a cursor before all incidents: the
 *    same first page, but never from the backend's 1 s page cache);
 * 2. GET /api/incidents/stats?window=90d, one request at a time: p50 / p95.
 *
 * The autocannon measures run in 3 interleaved rounds (figures: means).
 *
 * Run: yarn bench:incidents [seconds per measure and round]   (default 20)
 */
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import knexFactory, { Knex } from 'knex';
import {
  BackendProcess,
  eventually,
  freePort,
  guestToken,
} from '../packages/backend/src/testing/backendProcess';

const duration = Number(process.argv[2] ?? 20);
const PG = { host: '127.0.0.1', port: 5432, user: 'postgres' };
const HISTORY = 100_000;
const OPEN = 200;
const HISTORY_DAYS = 730;
const LEVELS = ['P1', 'P2', 'P3'];
const OPEN_STAGES = ['detected', 'triaged', 'responding', 'investigating'];
const STATS_REQUESTS = 100;
const ROUNDS = 3;
const DAY = 86_400_000;
const MINUTE = 60_000;

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

async function startBackend(prefix: string) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const backend = BackendProcess.start({
    configOverride: `
app: { baseUrl: ${baseUrl} }
backend:
  baseUrl: ${baseUrl}
  listen: { port: ${port}, host: 127.0.0.1 }
  database:
    client: pg
    prefix: ${prefix}
    connection: { host: ${PG.host}, port: ${PG.port}, user: ${PG.user} }
`,
    env: { LOG_LEVEL: 'warn' },
  });
  const abort = () =>
    backend.hasExited ? backend.log().slice(-2000) : undefined;
  const token = await eventually(() => guestToken(baseUrl), {
    timeoutMs: 180_000,
    what: 'backend start',
    abort,
  });
  const auth = { Authorization: `Bearer ${token}` };
  // the incidents plugin's migrations have run once it answers
  await eventually(
    async () =>
      (await fetch(`${baseUrl}/api/incidents/levels`, { headers: auth })).ok ||
      undefined,
    { timeoutMs: 60_000, what: 'incidents plugin', abort },
  );
  return { backend, baseUrl, auth };
}

/** Row i of the history: the last OPEN are open and recent, the rest closed. */
function incidentRow(i: number, now: number) {
  const open = i >= HISTORY - OPEN;
  const detected = open
    ? now - (HISTORY - i) * 5 * MINUTE
    : now - Math.floor(((HISTORY - i) / HISTORY) * HISTORY_DAYS * DAY);
  const level = LEVELS[i % LEVELS.length];
  const acknowledged = detected + ((i * 7) % 40) * MINUTE;
  const resolved = acknowledged + ((i * 13) % 600) * MINUTE;
  return {
    id: randomUUID(),
    title: `history incident ${i}`,
    description: 'seeded by bench/incidents.ts',
    level,
    stage: open ? OPEN_STAGES[i % OPEN_STAGES.length] : 'closed',
    is_open: open,
    entity_ref: 'component:default/trading-api',
    owner: 'user:default/devops-lead',
    responders: JSON.stringify([]),
    source: i % 2 ? 'alertmanager' : 'manual',
    detected_at: new Date(detected),
    acknowledged_at: open && i % 2 ? null : new Date(acknowledged),
    resolved_at: open ? null : new Date(resolved),
    closed_at: open ? null : new Date(resolved + DAY),
    created_by: 'user:default/devops-lead',
    created_at: new Date(detected),
    updated_at: new Date(open ? detected : resolved + DAY),
    version: open ? 1 : 4,
  };
}

type IncidentRow = ReturnType<typeof incidentRow>;

/** created, acknowledged, resolved, closed (open ones: created only). */
function timelineRows(row: IncidentRow) {
  const entry = (at: Date, data: object) => ({
    incident_id: row.id,
    at,
    actor: row.created_by,
    kind: (data as { kind: string }).kind,
    data: JSON.stringify(data),
  });
  const rows = [
    entry(row.detected_at, {
      kind: 'created',
      level: row.level,
      stage: 'detected',
    }),
  ];
  if (row.resolved_at && row.acknowledged_at && row.closed_at) {
    rows.push(
      entry(row.acknowledged_at, {
        kind: 'transition',
        from: 'detected',
        to: 'responding',
      }),
      entry(row.resolved_at, {
        kind: 'transition',
        from: 'responding',
        to: 'resolved',
      }),
      entry(row.closed_at, {
        kind: 'transition',
        from: 'postmortem',
        to: 'closed',
      }),
    );
  }
  return rows;
}

async function seed(db: Knex): Promise<string> {
  const now = Date.now();
  const CHUNK = 5_000;
  let openId = '';
  for (let start = 0; start < HISTORY; start += CHUNK) {
    const rows = Array.from(
      { length: Math.min(CHUNK, HISTORY - start) },
      (_, k) => incidentRow(start + k, now),
    );
    await db.batchInsert('incidents', rows, 1_000);
    await db.batchInsert(
      'incident_timeline',
      rows.flatMap(timelineRows),
      1_000,
    );
    openId = rows[rows.length - 1].id;
  }
  // what autovacuum would do a while after such a load
  await db.raw('ANALYZE incidents, incident_timeline');
  return openId;
}

/** A list cursor that comes before every incident (open, detected in the future), unique per k. */
function cursorBeforeAll(k: number) {
  return Buffer.from(
    JSON.stringify({ o: 1, d: Date.now() + DAY + k, i: randomUUID() }),
  ).toString('base64url');
}

async function cannon(
  url: string,
  headers: Record<string, string>,
  options: { expect304?: boolean; path?: () => string } = {},
) {
  const { path } = options;
  const r = await autocannon({
    url,
    connections: 50,
    duration,
    headers,
    ...(path
      ? {
          requests: [
            { setupRequest: (req: object) => ({ ...req, path: path() }) },
          ],
        }
      : {}),
  });
  return {
    p50: r.latency.p50,
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    rps: r.requests.average,
    errors:
      r.errors +
      (options.expect304 ? r.non2xx - r['3xx'] + r['2xx'] : r.non2xx),
  };
}

async function dropDatabases(prefix: string) {
  const admin = knexFactory({
    client: 'pg',
    connection: { ...PG, database: 'postgres' },
  });
  try {
    const { rows } = await admin.raw(
      'SELECT datname FROM pg_database WHERE starts_with(datname, ?)',
      [prefix],
    );
    for (const { datname } of rows) {
      await admin.raw('DROP DATABASE ?? WITH (FORCE)', [datname]);
    }
  } finally {
    await admin.destroy();
  }
}

async function main() {
  const prefix = `fdp_bench_incidents_${Date.now().toString(36)}_`;
  console.log(
    `PostgreSQL ${PG.host}:${PG.port}, databases ${prefix}*; autocannon ${duration} s x 50 connections\n`,
  );
  const rows: Array<[string, string, string]> = [];
  const report = (row: [string, string, string]) => {
    console.log(`  ${row.filter(Boolean).join(' | ')}`);
    rows.push(row);
  };
  let backend: BackendProcess | undefined;
  try {
    const started = await startBackend(prefix);
    backend = started.backend;
    const { baseUrl, auth } = started;

    const db = knexFactory({
      client: 'pg',
      connection: { ...PG, database: `${prefix}incidents` },
    });
    const t0 = performance.now();
    const openId = await seed(db).finally(() => db.destroy());
    report([
      `seed ${HISTORY} incidents (${OPEN} open) and their timelines`,
      `${((performance.now() - t0) / 1000).toFixed(1)} s`,
      'knex batchInsert, then ANALYZE',
    ]);

    const listUrl = `${baseUrl}/api/incidents/incidents?status=open`;
    const first = await (await fetch(listUrl, { headers: auth })).json();
    if (first.items?.length !== 50 || !first.nextCursor) {
      throw new Error(`unexpected list answer: ${JSON.stringify(first)}`);
    }

    const etag = (
      await fetch(listUrl, { method: 'HEAD', headers: auth })
    ).headers.get('etag');
    if (!etag) throw new Error('the list answered without an ETag');

    let k = 0;
    const uncachedPath = () =>
      `/api/incidents/incidents?status=open&cursor=${cursorBeforeAll(k++)}`;
    const uncachedFirst = await (
      await fetch(`${baseUrl}${uncachedPath()}`, { headers: auth })
    ).json();
    if (uncachedFirst.items?.length !== 50) {
      throw new Error(
        `unexpected list answer: ${JSON.stringify(uncachedFirst)}`,
      );
    }

    const measures = {
      liveness: () => cannon(`${baseUrl}/.backstage/health/v1/liveness`, {}),
      list: () => cannon(listUrl, auth),
      list25: () => cannon(`${listUrl}&limit=25`, auth),
      revalidated: () =>
        cannon(
          listUrl,
          { ...auth, 'If-None-Match': etag },
          { expect304: true },
        ),
      uncached: () => cannon(listUrl, auth, { path: uncachedPath }),
      detail: () =>
        cannon(`${baseUrl}/api/incidents/incidents/${openId}`, auth),
    };
    type Name = keyof typeof measures;
    type Measure = Awaited<ReturnType<typeof cannon>>;
    const runs = Object.fromEntries(
      Object.keys(measures).map(name => [name, [] as Measure[]]),
    ) as Record<Name, Measure[]>;
    // the shared machine's load changes by the minute: every round measures
    // all routes back to back, and a route's figure is its mean over rounds
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of Object.keys(measures) as Name[]) {
        runs[name].push(await measures[name]());
      }
      const ratio = runs.list[round].rps / runs.liveness[round].rps;
      console.log(
        `  round ${round + 1}: liveness ${runs.liveness[round].rps.toFixed(
          0,
        )} req/s, list ${runs.list[round].rps.toFixed(0)} req/s (${(
          ratio * 100
        ).toFixed(0)} %)`,
      );
    }
    const mean = (ms: Measure[]): Measure => {
      const avg = (f: (m: Measure) => number) =>
        Math.round(ms.reduce((sum, m) => sum + f(m), 0) / ms.length);
      return {
        rps: avg(m => m.rps),
        p50: avg(m => m.p50),
        p97_5: avg(m => m.p97_5),
        p99: avg(m => m.p99),
        errors: ms.reduce((sum, m) => sum + m.errors, 0),
      };
    };
    const liveness = mean(runs.liveness);
    const list = mean(runs.list);
    const list25 = mean(runs.list25);
    const revalidated = mean(runs.revalidated);
    const uncached = mean(runs.uncached);
    const detail = mean(runs.detail);
    const lat = (r: typeof list) => `${r.p50} / ${r.p97_5} / ${r.p99} ms`;
    const share = (r: typeof list) =>
      `${((r.rps / liveness.rps) * 100).toFixed(0)} % of liveness`;
    report([
      'Backstage liveness: req/s; p50 / p97.5 / p99',
      `${liveness.rps.toFixed(0)} req/s`,
      `${lat(liveness)}; errors ${liveness.errors}`,
    ]);
    report([
      'GET /incidents?status=open (first page of 50): req/s; p50 / p97.5 / p99',
      `${list.rps.toFixed(0)} req/s`,
      `${lat(list)}; ${share(list)} (target >= 50 %: ${
        list.rps >= liveness.rps / 2 ? 'met' : 'MISSED'
      }); errors ${list.errors}`,
    ]);
    report([
      'GET /incidents?status=open&limit=25: req/s; p50 / p97.5 / p99',
      `${list25.rps.toFixed(0)} req/s`,
      `${lat(list25)}; ${share(list25)}; errors ${list25.errors}`,
    ]);
    report([
      'GET /incidents?status=open, If-None-Match: 304: req/s; p50 / p97.5 / p99',
      `${revalidated.rps.toFixed(0)} req/s`,
      `${lat(revalidated)}; ${share(revalidated)}; not 304: ${
        revalidated.errors
      }`,
    ]);
    report([
      'GET /incidents?status=open, a query of its own each (no page cache): req/s; p50 / p97.5 / p99',
      `${uncached.rps.toFixed(0)} req/s`,
      `${lat(uncached)}; ${share(uncached)}; errors ${uncached.errors}`,
    ]);
    report([
      'GET /incidents/:id (detail, open incident): req/s; p50 / p97.5 / p99',
      `${detail.rps.toFixed(0)} req/s`,
      `${lat(detail)}; ${share(detail)}; errors ${detail.errors}`,
    ]);

    const statsUrl = `${baseUrl}/api/incidents/stats?window=90d`;
    const times: number[] = [];
    let inWindow = 0;
    for (let i = 0; i < STATS_REQUESTS + 5; i++) {
      const s = performance.now();
      const res = await fetch(statsUrl, { headers: auth });
      const body = await res.json();
      if (!res.ok) throw new Error(`stats ${res.status}`);
      if (i >= 5) times.push(performance.now() - s);
      inWindow = body.overall?.incidents ?? inWindow;
    }
    const p95 = percentile(times, 95);
    report([
      `GET /stats?window=90d (${inWindow} incidents in the window), one at a time: p50 / p95`,
      `${percentile(times, 50).toFixed(1)} / ${p95.toFixed(1)} ms`,
      `target p95 <= 200 ms: ${p95 <= 200 ? 'met' : 'MISSED'}`,
    ]);
  } finally {
    await backend?.stop();
    await dropDatabases(prefix);
  }
  const widths = [0, 1, 2].map(i => Math.max(...rows.map(r => r[i].length), 8));
  console.log(
    ['measure', 'ours', 'note'].map((h, i) => h.padEnd(widths[i])).join(' | '),
  );
  console.log(widths.map(w => '-'.repeat(w)).join('-|-'));
  for (const r of rows)
    console.log(r.map((c, i) => c.padEnd(widths[i])).join(' | '));
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
