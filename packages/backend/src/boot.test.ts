/*
 * Boots the real backend (packages/backend/src/index.ts) on the development
 * config against SQLite files and against this machine's PostgreSQL, and
 * checks that the catalog serves the platform's entities to a signed-in guest.
 * Boots it on the production config (app-config.yaml +
 * app-config.production.yaml, as the README runs it) with this machine's
 * PostgreSQL and Redis: the catalog is the platform's, without the guest; no
 * password-less sign-in; the script token reads the catalog and nothing else;
 * CORS and CSP follow APP_BASE_URL. Also checks that production mode with an
 * unreachable PostgreSQL exits non-zero with a message naming host and port.
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
  PRODUCTION_CONFIG,
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

async function dropDatabases(prefix: string) {
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

/** The variables app-config.production.yaml reads (README). */
function productionEnv(overrides: Record<string, string>) {
  return {
    NODE_ENV: 'production',
    APP_BASE_URL: 'http://localhost:7007',
    BACKEND_BASE_URL: 'http://localhost:7007',
    PORTAL_SCRIPT_TOKEN: 'not-a-real-token-0123456789',
    POSTGRES_HOST: PG.host,
    POSTGRES_PORT: String(PG.port),
    POSTGRES_USER: PG.user,
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
    // not a certificate: nothing listens at K8S_CLUSTER_URL anyway
    K8S_CA_DATA: Buffer.from('unused').toString('base64'),
    PROMETHEUS_URL: 'http://127.0.0.1:1',
    ALERTMANAGER_URL: 'http://127.0.0.1:1',
    ...overrides,
  };
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
      await dropDatabases(prefix);
    }
  });

  it('serves the platform catalog in production, with no password-less sign-in and a read-only script token', async () => {
    const prefix = `fdp_prod_${process.pid}_${Date.now()}_`;
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const scriptToken = `script-${process.pid}-${Date.now()}-0123456789`;
    backend = BackendProcess.start({
      configFiles: PRODUCTION_CONFIG,
      // only what a test machine needs: a free port and its own databases
      configOverride: `backend:\n  listen: 127.0.0.1:${port}\n  database:\n    prefix: ${prefix}\n`,
      env: productionEnv({
        APP_BASE_URL: baseUrl,
        BACKEND_BASE_URL: baseUrl,
        PORTAL_SCRIPT_TOKEN: scriptToken,
      }),
    });
    const script = (route: string, init: RequestInit = {}) =>
      fetch(`${baseUrl}${route}`, {
        ...init,
        headers: { Authorization: `Bearer ${scriptToken}` },
      });
    try {
      const names = await eventually(
        async () => {
          const res = await script(
            '/api/catalog/entities?filter=kind=component',
          );
          if (!res.ok) return undefined;
          const list: string[] = (await res.json()).map(
            (e: { metadata: { name: string } }) => e.metadata.name,
          );
          // the catalog processes entities one by one: wait for all of them
          return EXPECTED_COMPONENTS.every(c => list.includes(c))
            ? list
            : undefined;
        },
        {
          timeoutMs: 150_000,
          what: 'every platform component in the production catalog',
          abort: () =>
            backend?.hasExited
              ? `backend exited:\n${backend.log().slice(-3000)}`
              : undefined,
        },
      );
      expect(names).toEqual(expect.arrayContaining(EXPECTED_COMPONENTS));

      // the catalog's users, without the development guest
      expect(
        (await script('/api/catalog/entities/by-name/user/default/team-lead'))
          .status,
      ).toBe(200);
      expect(
        (await script('/api/catalog/entities/by-name/user/default/guest'))
          .status,
      ).toBe(404);

      // no password-less sign-in
      for (const provider of ['guest', 'test-user']) {
        const res = await fetch(`${baseUrl}/api/auth/${provider}/refresh`, {
          method: 'POST',
          headers: {
            'X-Requested-With': 'XMLHttpRequest',
            'x-fdp-test-user': 'devops-lead',
          },
        });
        expect([provider, res.status]).toEqual([provider, 404]);
      }

      // the script token reads the catalog and does nothing else
      const api = await (
        await script(
          '/api/catalog/entities/by-name/component/default/trading-api',
        )
      ).json();
      const refused = [
        ['DELETE', `/api/catalog/entities/by-uid/${api.metadata.uid}`],
        ['GET', '/api/kubernetes/proxy/api/v1/namespaces'],
        ['GET', '/api/alerts/silences'],
      ];
      for (const [method, route] of refused) {
        const res = await script(route, { method });
        expect([method, route, [401, 403].includes(res.status)]).toEqual([
          method,
          route,
          true,
        ]);
      }
      expect(
        (
          await script(
            '/api/catalog/entities/by-name/component/default/trading-api',
          )
        ).status,
      ).toBe(200);

      // CORS and CSP follow APP_BASE_URL, not the development origins
      const cors = async (origin: string) =>
        (
          await fetch(`${baseUrl}/api/catalog/entities`, {
            method: 'OPTIONS',
            headers: {
              Origin: origin,
              'Access-Control-Request-Method': 'GET',
            },
          })
        ).headers.get('access-control-allow-origin');
      expect(await cors(baseUrl)).toBe(baseUrl);
      expect(await cors('http://localhost:3000')).toBeNull();
      const csp = (await script('/api/catalog/entities?limit=1')).headers.get(
        'content-security-policy',
      );
      const connectSrc = /connect-src ([^;]*)/.exec(csp ?? '')?.[1];
      expect(connectSrc?.split(' ')).toEqual(["'self'", baseUrl]);
    } finally {
      await backend.stop();
      await dropDatabases(prefix);
    }
  });

  it('exits with a clear message when production PostgreSQL is unreachable', async () => {
    backend = BackendProcess.start({
      configFiles: PRODUCTION_CONFIG,
      configOverride: 'backend:\n  listen: { port: 0 }\n',
      env: productionEnv({
        POSTGRES_HOST: '127.0.0.1',
        POSTGRES_PORT: '1',
      }),
    });
    const code = await backend.waitForExit();
    expect(code).toBe(1);
    expect(backend.log()).toMatch(
      /PostgreSQL at 127\.0\.0\.1:1 is unreachable \(ECONNREFUSED/,
    );
    expect(backend.log()).not.toMatch(/^\s+at /m);
  });
});
