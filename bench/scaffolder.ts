/* eslint-disable no-console */
/**
 * The scaffolder flow, from "Create" to the new entity's page showing its
 * pods, for each of the four templates (templates/), on a booted backend
 * (development config: embedded SQLite, test-user sign-in) and the default
 * scenario in its own process, with two more ai-inference nodes for the
 * inference service (the default's two GPUs are taken by model-serving).
 *
 * Signed in as team-lead (dev-team), namespace dev. Per template: each
 * step's time from the task's event log (render, lint, check = dry-run
 * apply, publish, register, apply), the task's queue-to-completion time,
 * catalog processing (the entity readable with its owner relation) and the
 * first pods in the official Kubernetes tab
 * (POST /api/kubernetes/services/<name>). Target: the whole flow under 15 s.
 *
 * The scaffolder stores event times to the second on SQLite: `pg` runs the
 * same on the shared PostgreSQL (databases of a unique prefix, dropped after),
 * where they are to the millisecond, for the steps' breakdown.
 *
 * Run: yarn bench:scaffolder [pg]
 */
import knexFactory from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BackendProcess,
  eventually,
  freePort,
  testUserToken,
} from '../packages/backend/src/testing/backendProcess';
import { startSimProcess } from './lib/simProcess';

const TEMPLATES: Array<{ template: string; replicas: number }> = [
  { template: 'api-service', replicas: 3 },
  { template: 'collector-service', replicas: 2 },
  { template: 'stream-processing-service', replicas: 2 },
  { template: 'inference-service', replicas: 2 },
];
const onPostgres = process.argv[2] === 'pg';
const PG = { host: '127.0.0.1', port: 5432, user: 'postgres' };
const PREFIX = `fdp_bench_scaffolder_${Date.now().toString(36)}_`;

const STEPS = [
  'fetch',
  'render',
  'lint',
  'check',
  'publish',
  'register',
  'apply',
];

interface TaskEvent {
  type: string;
  createdAt: string;
  body: { stepId?: string; status?: string; message?: string };
}

/** Each step's time: its first event to its `completed` status event. */
function stepTimes(events: TaskEvent[]) {
  const times: Record<string, number> = {};
  for (const step of STEPS) {
    const mine = events.filter(e => e.body.stepId === step);
    const done = mine.find(e => e.body.status === 'completed');
    if (mine.length && done) {
      times[step] = Date.parse(done.createdAt) - Date.parse(mine[0].createdAt);
    }
  }
  return times;
}

/** Like `eventually`, every 25 ms rather than 500 ms: the gaps are the figures. */
async function poll<T>(fn: () => Promise<T | undefined>, what: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: timed out`);
    await new Promise(r => setTimeout(r, 25));
  }
}

async function dropDatabases() {
  const admin = knexFactory({
    client: 'pg',
    connection: { ...PG, database: 'postgres' },
  });
  try {
    const { rows } = await admin.raw(
      'SELECT datname FROM pg_database WHERE starts_with(datname, ?)',
      [PREFIX],
    );
    for (const { datname } of rows) {
      await admin.raw('DROP DATABASE ?? WITH (FORCE)', [datname]);
    }
  } finally {
    await admin.destroy();
  }
}

async function main() {
  const sim = await startSimProcess('default');
  await sim.trigger({ type: 'scalePool', pool: 'ai-inference', count: 4 });
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdp-bench-scaf-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const backend = BackendProcess.start({
    configOverride: `
app: { baseUrl: ${baseUrl} }
backend:
  baseUrl: ${baseUrl}
  listen: { port: ${port}, host: 127.0.0.1 }
  database: ${
    onPostgres
      ? `{ client: pg, prefix: ${PREFIX}, connection: { host: ${PG.host}, port: ${PG.port}, user: ${PG.user} } }`
      : `{ client: better-sqlite3, connection: { directory: ${dir} } }`
  }
scaffolder: { platform: { publishDir: ${dir}/repos } }
kubernetesInformerCache:
  diskUsage: { prometheus: { url: ${sim.url} } }
kubernetes:
  clusterLocatorMethods:
    - type: config
      clusters:
        - name: fdp-cluster
          url: ${sim.httpsUrl}
          caData: ${Buffer.from(sim.caCert).toString('base64')}
          authProvider: serviceAccount
          serviceAccountToken: ${sim.token}
`,
    env: { LOG_LEVEL: 'warn' },
  });
  console.log(onPostgres ? `PostgreSQL, databases ${PREFIX}*` : 'SQLite');
  const rows: string[][] = [];
  try {
    const token = await eventually(() => testUserToken(baseUrl, 'team-lead'), {
      timeoutMs: 180_000,
      what: 'backend start and the catalog user',
      abort: () => (backend.hasExited ? backend.log().slice(-2000) : undefined),
    });
    const auth = { Authorization: `Bearer ${token}` };
    const json = { ...auth, 'Content-Type': 'application/json' };
    // the templates are in the catalog
    for (const { template } of TEMPLATES) {
      await eventually(
        async () =>
          (
            await fetch(
              `${baseUrl}/api/catalog/entities/by-name/template/default/${template}`,
              { headers: auth },
            )
          ).ok || undefined,
        { timeoutMs: 120_000, what: `template ${template} in the catalog` },
      );
    }

    for (const { template, replicas } of TEMPLATES) {
      const name = `bench-${template.replace(/-service$/, '')}`;
      const t0 = performance.now();
      const created = await fetch(`${baseUrl}/api/scaffolder/v2/tasks`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({
          templateRef: `template:default/${template}`,
          values: {
            name,
            owner: 'group:default/dev-team',
            system: 'system:default/financial-data-platform',
            cluster: 'fdp-cluster',
            namespace: 'dev',
            replicas,
          },
        }),
      });
      if (created.status !== 201) {
        throw new Error(
          `${template}: ${created.status} ${await created.text()}`,
        );
      }
      const { id } = await created.json();
      const task = await poll(async () => {
        const body = await (
          await fetch(`${baseUrl}/api/scaffolder/v2/tasks/${id}`, {
            headers: auth,
          })
        ).json();
        return ['completed', 'failed'].includes(body.status) ? body : undefined;
      }, `task of ${template}`);
      const taskDone = performance.now();
      const events: TaskEvent[] = await (
        await fetch(`${baseUrl}/api/scaffolder/v2/tasks/${id}/events`, {
          headers: auth,
        })
      ).json();
      if (task.status !== 'completed') {
        throw new Error(
          `${template} ${task.status}: ${events
            .map(e => e.body.message)
            .join('\n')}`,
        );
      }
      const entity = await poll(async () => {
        const res = await fetch(
          `${baseUrl}/api/catalog/entities/by-name/component/default/${name}`,
          { headers: auth },
        );
        const body = res.ok ? await res.json() : undefined;
        return body?.relations?.some((r: any) => r.type === 'ownedBy')
          ? body
          : undefined;
      }, `catalog processing of ${name}`);
      const processed = performance.now();
      const pods = await poll(async () => {
        const res = await fetch(`${baseUrl}/api/kubernetes/services/${name}`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ entity }),
        });
        const body = await res.json();
        const n =
          body.items?.[0]?.resources?.find((r: any) => r.type === 'pods')
            ?.resources?.length ?? 0;
        return n > 0 ? n : undefined;
      }, `pods of ${name} in the Kubernetes tab`);
      const end = performance.now();
      const steps = stepTimes(events);
      const total = (end - t0) / 1000;
      const row = [
        template,
        ...STEPS.map(s => (s in steps ? `${steps[s]}` : 'n/a')),
        `${(taskDone - t0).toFixed(0)}`,
        `${(processed - taskDone).toFixed(0)}`,
        `${(end - processed).toFixed(0)} (${pods} pods)`,
        `${total.toFixed(2)} s ${total < 15 ? '(< 15 s: met)' : '(MISSED)'}`,
      ];
      console.log(`  ${row.join(' | ')}`);
      rows.push(row);
    }
  } finally {
    await backend.stop();
    await sim.stop();
    if (onPostgres) await dropDatabases();
  }
  const header = [
    'template',
    ...STEPS.map(s => `${s} ms`),
    'task ms',
    'catalog ms',
    'first pods ms',
    'Create to pods',
  ];
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map(r => r[i].length)));
  const line = (r: string[]) =>
    r.map((c, i) => c.padEnd(widths[i])).join(' | ');
  console.log(`\n${line(header)}`);
  console.log(widths.map(w => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
