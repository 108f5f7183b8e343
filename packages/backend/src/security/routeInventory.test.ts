/*
 * Route inventory: boots the real backend once, in production mode
 * (NODE_ENV=production) on PostgreSQL, against the platform simulator, and checks every
 * row of ROUTES: 401 without credentials, 403 for a signed-in user outside
 * devops on devops-only routes (allowed otherwise), and a fuzz of malformed
 * path parameters, query parameters and bodies answered with a 4xx and a
 * message, never a 5xx, a stack trace or an internal address.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import {
  BackendProcess,
  eventually,
  freePort,
  testUserToken,
} from '../testing/backendProcess';
import { FuzzCase, fuzzCases } from './fuzzInputs';
import { InventoryResponse, judgeResponse } from './judgeResponse';
import { KNOWN_FINDINGS } from './knownFindings';
import { InventoryContext, ROUTES, fillPath } from './routeInventory';
import { simulatorProcess } from '../__testUtils__/simulatorProcess';

/**
 * The users the inventory signs in as (catalog/org.yaml), through the
 * development test-user sign-in, allowed here outside development.
 */
const USERS = {
  /** member of devops: every permission */
  devops: 'devops-lead',
  /** dev-team and trading-team: no silencing, no Kubernetes proxy */
  nonDevops: 'team-lead',
};
type InventoryUser = keyof typeof USERS;

/** incidents.webhook.token of the booted backend (what Alertmanager sends) */
const WEBHOOK_TOKEN = 'route-inventory-webhook-token';

jest.setTimeout(180_000);

const PG = {
  host: process.env.FDP_TEST_PG_HOST ?? '127.0.0.1',
  port: Number(process.env.FDP_TEST_PG_PORT ?? 5432),
  user: process.env.FDP_TEST_PG_USER ?? 'postgres',
};
const PG_PREFIX = `fdp_inventory_${process.pid}_`;

/**
 * A raw HTTP request: the path goes out exactly as given. A connection the
 * server closes without an answer resolves with status 0.
 */
function send(
  port: number,
  req: Omit<FuzzCase, 'input' | 'expect'>,
): Promise<InventoryResponse> {
  return new Promise(resolve => {
    const r = http.request(
      {
        host: '127.0.0.1',
        port,
        method: req.method,
        path: req.path,
        headers: req.headers,
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', c => chunks.push(c));
        res.on('error', () => {});
        res.on('close', () =>
          resolve({
            status: res.statusCode ?? 0,
            statusMessage: res.statusMessage ?? '',
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    r.on('error', error =>
      resolve({
        status: 0,
        statusMessage: (error as NodeJS.ErrnoException).code ?? error.message,
        body: '',
      }),
    );
    r.end(req.body);
  });
}

const routeName = (r: { method: string; path: string }) =>
  `${r.method} ${r.path}`;

describe('route inventory', () => {
  let dir: string;
  let sim: Awaited<ReturnType<typeof simulatorProcess>>;
  let backend: BackendProcess;
  let port: number;
  let baseUrl: string;
  const tokens = new Map<InventoryUser, string>();
  let ctx: InventoryContext;

  /** The one place the inventory gets a user's token from. */
  const bearer = (who: InventoryUser) => `Bearer ${tokens.get(who)}`;

  /** What a route's rightful caller sends: devops, or the webhook's token. */
  const rightful = (route: (typeof ROUTES)[number]) =>
    route.access === 'webhook-token'
      ? `Bearer ${WEBHOOK_TOKEN}`
      : bearer('devops');

  /** A route's valid request with these credentials (or none). */
  const validRequest = (
    route: (typeof ROUTES)[number],
    authorization: string | undefined,
  ) => {
    const body = route.body?.(ctx);
    const query = new URLSearchParams(route.query ?? {}).toString();
    return send(port, {
      method: route.method,
      path: `${fillPath(route.path, route.params?.(ctx) ?? {})}${
        query ? `?${query}` : ''
      }`,
      headers: {
        ...(authorization ? { authorization } : {}),
        ...route.headers?.(ctx),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdp-inventory-'));
    sim = await simulatorProcess();
    port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    backend = BackendProcess.start({
      configFiles: ['app-config.yaml'],
      env: { NODE_ENV: 'production' },
      configOverride: `
app:
  baseUrl: ${baseUrl}
backend:
  baseUrl: ${baseUrl}
  listen: { port: ${port}, host: 127.0.0.1 }
  database:
    client: pg
    prefix: ${PG_PREFIX}
    connection:
      host: ${PG.host}
      port: ${PG.port}
      user: ${PG.user}
auth:
  providers:
    test-user:
      dangerouslyAllowOutsideDevelopment: true
incidents:
  webhook:
    token: ${WEBHOOK_TOKEN}
kubernetes:
  clusterLocatorMethods:
    - type: config
      clusters:
        - name: ${sim.cluster}
          url: ${sim.httpsUrl}
          caFile: ${sim.caFile}
          authProvider: serviceAccount
          serviceAccountToken: ${sim.token}
alerts:
  prometheus:
    - name: default
      url: http://127.0.0.1:${sim.port}
  alertmanager:
    - name: default
      url: http://127.0.0.1:${sim.port}
`,
    });
    const abort = () =>
      backend.hasExited
        ? `backend exited:\n${backend.log().slice(-3000)}`
        : undefined;
    // up, the catalog's users can sign in, and it holds trading-api
    await eventually(
      async () => {
        for (const who of Object.keys(USERS) as InventoryUser[]) {
          tokens.set(who, await testUserToken(baseUrl, USERS[who]));
        }
        const res = await fetch(
          `${baseUrl}/api/catalog/entities/by-name/component/default/trading-api`,
          { headers: { authorization: bearer('devops') } },
        );
        return res.ok ? true : undefined;
      },
      { timeoutMs: 120_000, what: 'backend with the catalog', abort },
    ).catch(error => {
      throw new Error(`${error.message}\n${backend.log().slice(-4000)}`);
    });
    const created = async (route: string, body: object) => {
      const res = await fetch(`${baseUrl}${route}`, {
        method: 'POST',
        headers: {
          authorization: bearer('devops'),
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      });
      if (res.status !== 201) {
        throw new Error(`POST ${route}: ${res.status} ${await res.text()}`);
      }
      return (await res.json()).id as string;
    };
    ctx = {
      cluster: sim.cluster,
      silenceId: await created('/api/alerts/silences', {
        matchers: [{ name: 'alertname', value: 'Inventory', isRegex: false }],
        duration: '1h',
        comment: 'expired by the route inventory',
      }),
      incidentId: await created('/api/incidents/incidents', {
        title: 'changed by the route inventory',
        level: 'P3',
      }),
    };
  });

  afterAll(async () => {
    await backend?.stop();
    await sim?.process.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
    const admin = new Client({ ...PG, database: 'postgres' });
    await admin.connect();
    const dbs = await admin.query(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${PG_PREFIX}%`],
    );
    for (const { datname } of dbs.rows) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}"`);
    }
    await admin.end();
  });

  it('answers 401 on every route without credentials', async () => {
    const wrong: string[] = [];
    for (const route of ROUTES) {
      const res = await validRequest(route, undefined);
      if (res.status !== 401) {
        wrong.push(`${routeName(route)}: ${res.status} ${res.body}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers 403 to a user outside devops on devops-only routes, and serves them the rest', async () => {
    const wrong: string[] = [];
    for (const route of ROUTES) {
      const res = await validRequest(route, bearer('nonDevops'));
      const expected = { devops: 403, 'webhook-token': 401 }[
        route.access as string
      ];
      const ok = expected
        ? res.status === expected
        : res.status < 400 || res.status === 404;
      if (!ok) {
        wrong.push(
          `${routeName(route)} (${route.access}): ${res.status} ${res.body}`,
        );
      }
    }
    expect(wrong).toEqual([]);
  });

  it('serves a devops user (the webhook: its token) on every route', async () => {
    const wrong: string[] = [];
    for (const route of ROUTES) {
      const res = await validRequest(route, rightful(route));
      if (res.status >= 400 && res.status !== 404) {
        wrong.push(`${routeName(route)}: ${res.status} ${res.body}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers malformed input with a 4xx and a message, never a 5xx, a stack trace or an internal address', async () => {
    const internals = [`127.0.0.1:${sim.port}`, `localhost:${sim.port}`];
    const findings: string[] = [];
    const known = new Set<string>();
    let tried = 0;
    for (const route of ROUTES) {
      for (const c of fuzzCases(route, ctx, rightful(route))) {
        tried += 1;
        const res = await send(port, c);
        const problem = judgeResponse(res, c.expect, internals);
        if (!problem) continue;
        const isKnown = KNOWN_FINDINGS.some(
          k => k.route === routeName(route) && k.input === c.input,
        );
        const line = `${routeName(route)} | ${c.input} | ${problem} | ${res.body
          .slice(0, 200)
          .replace(/\s+/g, ' ')}`;
        if (isKnown) known.add(`${routeName(route)} | ${c.input}`);
        else findings.push(line);
      }
    }
    const stale = KNOWN_FINDINGS.filter(
      k => !k.sometimes && !known.has(`${k.route} | ${k.input}`),
    );
    // eslint-disable-next-line no-console
    console.log(
      `route inventory: ${
        ROUTES.length
      } routes, ${tried} malformed inputs tried, ${known.size} known findings${
        stale.length
          ? `; no longer reproduced (remove from KNOWN_FINDINGS): ${stale
              .map(k => `${k.route} | ${k.input}`)
              .join('; ')}`
          : ''
      }`,
    );
    expect(backend.hasExited).toBe(false);
    expect(findings).toEqual([]);
  });
});
