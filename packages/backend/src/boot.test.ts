/*
 * Boots the real backend (packages/backend/src/index.ts with the repo's
 * app-config.yaml) against SQLite files and against this machine's
 * PostgreSQL, and checks that the catalog serves the platform's entities to a
 * signed-in guest. Also checks that production mode with an unreachable
 * PostgreSQL exits non-zero with a message naming host and port.
 */
import { Client } from 'pg';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BackendProcess,
  eventually,
  freePort,
  guestToken,
} from './testing/backendProcess';

jest.setTimeout(180_000);

const PG = {
  host: process.env.FDP_TEST_PG_HOST ?? '127.0.0.1',
  port: Number(process.env.FDP_TEST_PG_PORT ?? 5432),
  user: process.env.FDP_TEST_PG_USER ?? 'postgres',
};

const EXPECTED_COMPONENTS = [
  'collector-1',
  'collector-2',
  'stream-processing',
  'spark-jobs',
  'model-serving',
  'training-pipeline',
  'trading-api',
  'trading-websocket',
];

function overrideFor(port: number, database: string) {
  return `
backend:
  baseUrl: http://127.0.0.1:${port}
  listen: { port: ${port}, host: 127.0.0.1 }
${database}
app:
  baseUrl: http://127.0.0.1:${port}
`;
}

async function componentsServed(baseUrl: string, backend: BackendProcess) {
  const abort = () =>
    backend.hasExited
      ? `backend exited:\n${backend.log().slice(-3000)}`
      : undefined;
  const token = await eventually(() => guestToken(baseUrl), {
    timeoutMs: 120_000,
    what: 'guest sign-in',
    abort,
  });
  return eventually(
    async () => {
      const res = await fetch(
        `${baseUrl}/api/catalog/entities?filter=kind=component`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      const names: string[] = (await res.json()).map(
        (e: { metadata: { name: string } }) => e.metadata.name,
      );
      return EXPECTED_COMPONENTS.every(n => names.includes(n))
        ? names
        : undefined;
    },
    { timeoutMs: 60_000, what: 'catalog components', abort },
  );
}

describe('backend boot', () => {
  let backend: BackendProcess | undefined;
  afterEach(async () => {
    await backend?.stop();
    backend = undefined;
  });

  it('serves the platform catalog from SQLite files that survive a restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdp-sqlite-'));
    const port = await freePort();
    const database = `  database:\n    client: better-sqlite3\n    connection:\n      directory: ${dir}`;
    backend = BackendProcess.start({
      configOverride: overrideFor(port, database),
    });
    const names = await componentsServed(`http://127.0.0.1:${port}`, backend);
    expect(names).toEqual(expect.arrayContaining(EXPECTED_COMPONENTS));
    expect(fs.readdirSync(dir)).toEqual(
      expect.arrayContaining(['catalog.sqlite', 'auth.sqlite']),
    );
  });

  it('serves the platform catalog from PostgreSQL', async () => {
    const prefix = `fdp_boot_${process.pid}_${Date.now()}_`;
    const port = await freePort();
    const database = `  database:
    client: pg
    prefix: ${prefix}
    connection:
      host: ${PG.host}
      port: ${PG.port}
      user: ${PG.user}`;
    backend = BackendProcess.start({
      configOverride: overrideFor(port, database),
    });
    try {
      const names = await componentsServed(`http://127.0.0.1:${port}`, backend);
      expect(names).toEqual(expect.arrayContaining(EXPECTED_COMPONENTS));
      // The entities really live in PostgreSQL.
      const client = new Client({ ...PG, database: `${prefix}catalog` });
      await client.connect();
      const rows = await client.query(
        `SELECT count(*)::int AS n FROM final_entities WHERE final_entity LIKE '%"name":"trading-api"%'`,
      );
      await client.end();
      expect(rows.rows[0].n).toBeGreaterThanOrEqual(1);
    } finally {
      await backend.stop();
      const admin = new Client({ ...PG, database: 'postgres' });
      await admin.connect();
      const dbs = await admin.query(
        `SELECT datname FROM pg_database WHERE datname LIKE $1`,
        [`${prefix}%`],
      );
      for (const { datname } of dbs.rows) {
        await admin.query(`DROP DATABASE IF EXISTS "${datname}"`);
      }
      await admin.end();
    }
  });

  it('exits with a clear message when production PostgreSQL is unreachable', async () => {
    backend = BackendProcess.start({
      configFiles: ['app-config.yaml', 'app-config.production.yaml'],
      configOverride: 'backend:\n  listen: { port: 0 }\n',
      env: {
        NODE_ENV: 'production',
        APP_BASE_URL: 'http://localhost:7007',
        BACKEND_BASE_URL: 'http://localhost:7007',
        PORTAL_SCRIPT_TOKEN: 'not-a-real-token-0123456789',
        POSTGRES_HOST: '127.0.0.1',
        POSTGRES_PORT: '1',
        POSTGRES_USER: 'postgres',
        POSTGRES_PASSWORD: 'unused',
        REDIS_HOST: '127.0.0.1',
        REDIS_PORT: '6379',
        AUTH_OIDC_METADATA_URL:
          'http://127.0.0.1:1/.well-known/openid-configuration',
        AUTH_OIDC_CLIENT_ID: 'portal',
        AUTH_OIDC_CLIENT_SECRET: 'unused',
        K8S_CLUSTER_NAME: 'prod',
        K8S_CLUSTER_URL: 'https://127.0.0.1:1',
        K8S_SA_TOKEN: 'unused',
        K8S_CA_DATA: '',
        PROMETHEUS_URL: 'http://127.0.0.1:1',
        ALERTMANAGER_URL: 'http://127.0.0.1:1',
      },
    });
    const code = await backend.waitForExit();
    expect(code).toBe(1);
    expect(backend.log()).toMatch(
      /PostgreSQL at 127\.0\.0\.1:1 is unreachable \(ECONNREFUSED/,
    );
    expect(backend.log()).not.toMatch(/^\s+at /m);
  });
});
