/* eslint-disable no-console */
/**
 * Entity-scoped endpoints under load: the backend on the simulator's default
 * scenario (in its own process, alerting on), 100 autocannon connections
 * against each endpoint an entity page calls for trading-api, side by side
 * with Backstage's liveness route on the same backend (the root router's
 * middleware without auth or a plugin: the floor any plugin route sits on),
 * in interleaved rounds (the shared machine's load changes by the minute):
 *
 * - GET /api/cluster-health/workloads?entityRef=
 * - GET /api/cluster-health/deployments/history?entityRef=
 * - GET /api/alerts/alerts?entityRef=
 * - GET /api/incidents/incidents?entityRef=
 *
 * (backups has no entity-scoped endpoint: its targets are not per entity.)
 * Target: every entity-scoped endpoint >= 50 % of liveness.
 *
 * Run: yarn bench:entity [seconds per measure and round] [rounds]   (default 10 s, 3)
 */
import autocannon from 'autocannon';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BackendProcess,
  eventually,
  freePort,
  guestToken,
} from '../packages/backend/src/testing/backendProcess';
import { SimProcess, startSimProcess } from './lib/simProcess';

const duration = Number(process.argv[2] ?? 10);
const ROUNDS = Number(process.argv[3] ?? 3);
const CONNECTIONS = 100;
const ENTITY = 'component:default/trading-api';

async function startBackend(sim: SimProcess) {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdp-bench-entity-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const backend = BackendProcess.start({
    configOverride: `
app: { baseUrl: ${baseUrl} }
backend:
  baseUrl: ${baseUrl}
  listen: { port: ${port}, host: 127.0.0.1 }
  database: { client: better-sqlite3, connection: { directory: ${dir} } }
kubernetesInformerCache:
  diskUsage: { prometheus: { url: ${sim.url} } }
alerts:
  prometheus: [{ name: default, url: ${sim.url} }]
  alertmanager: [{ name: default, url: ${sim.url} }]
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
  const abort = () =>
    backend.hasExited ? backend.log().slice(-2000) : undefined;
  const token = await eventually(() => guestToken(baseUrl), {
    timeoutMs: 180_000,
    what: 'backend start',
    abort,
  });
  return {
    backend,
    baseUrl,
    auth: { Authorization: `Bearer ${token}` },
    abort,
  };
}

interface Measure {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function cannon(
  url: string,
  headers: Record<string, string>,
): Promise<Measure> {
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    headers,
  });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

function mean(ms: Measure[]): Measure {
  const avg = (f: (m: Measure) => number) =>
    Math.round(ms.reduce((sum, m) => sum + f(m), 0) / ms.length);
  return {
    rps: avg(m => m.rps),
    p50: avg(m => m.p50),
    p99: avg(m => m.p99),
    errors: ms.reduce((sum, m) => sum + m.errors, 0),
  };
}

async function main() {
  console.log(
    `default scenario; autocannon ${CONNECTIONS} connections, ${duration} s per measure, ${ROUNDS} interleaved rounds\n`,
  );
  const sim = await startSimProcess('default', { withAlerting: true });
  let backend: BackendProcess | undefined;
  try {
    const started = await startBackend(sim);
    backend = started.backend;
    const { baseUrl, auth, abort } = started;
    const entity = encodeURIComponent(ENTITY);
    const routes = {
      liveness: `/.backstage/health/v1/liveness`,
      'cluster-health workloads': `/api/cluster-health/workloads?entityRef=${entity}`,
      'cluster-health deployments/history': `/api/cluster-health/deployments/history?entityRef=${entity}`,
      'alerts?entityRef': `/api/alerts/alerts?entityRef=${entity}`,
      'incidents?entityRef': `/api/incidents/incidents?entityRef=${entity}`,
    };
    type Name = keyof typeof routes;
    const names = Object.keys(routes) as Name[];

    // every route answers with data before it is measured
    const json = async (route: string) => {
      const res = await fetch(`${baseUrl}${route}`, { headers: auth });
      return res.ok ? res.json() : undefined;
    };
    await eventually(
      async () =>
        (await json(routes['cluster-health workloads']))?.workloads?.length >
          0 || undefined,
      {
        timeoutMs: 120_000,
        what: 'trading-api in the catalog and cache',
        abort,
      },
    );
    const history = await json(routes['cluster-health deployments/history']);
    const alerts = await json(routes['alerts?entityRef']);
    const incidents = await json(routes['incidents?entityRef']);
    console.log(
      `trading-api: ${history.deployments.length} deployment(s), ${
        history.deployments[0]?.revisions.length ?? 0
      } revision(s); ${alerts.alerts.length} alert(s); ${
        incidents.items.length
      } incident(s)\n`,
    );

    const runs = Object.fromEntries(
      names.map(n => [n, [] as Measure[]]),
    ) as Record<Name, Measure[]>;
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of names) {
        runs[name].push(
          await cannon(
            `${baseUrl}${routes[name]}`,
            name === 'liveness' ? {} : auth,
          ),
        );
      }
      const live = runs.liveness[round].rps;
      console.log(
        `round ${round + 1}: ${names
          .map(
            n =>
              `${n} ${runs[n][round].rps.toFixed(0)}${
                n === 'liveness'
                  ? ''
                  : ` (${((runs[n][round].rps / live) * 100).toFixed(0)} %)`
              }`,
          )
          .join(', ')}`,
      );
    }

    const liveness = mean(runs.liveness);
    const rows = names.map(n => {
      const m = mean(runs[n]);
      const share = m.rps / liveness.rps;
      return [
        n === 'liveness'
          ? 'Backstage liveness'
          : `GET ${routes[n].split('?')[0]}${
              routes[n].includes('?') ? '?entityRef=' : ''
            }`,
        `${m.rps} req/s`,
        `${m.p50} / ${m.p99} ms`,
        n === 'liveness'
          ? 'the floor'
          : `${(share * 100).toFixed(0)} % (${
              share >= 0.5 ? 'met' : 'MISSED'
            })`,
        String(m.errors),
      ];
    });
    const header = [
      'route (means over rounds)',
      'req/s',
      'p50 / p99',
      'of liveness (>= 50 %)',
      'errors',
    ];
    const widths = header.map((h, i) =>
      Math.max(h.length, ...rows.map(r => r[i].length)),
    );
    console.log();
    console.log(header.map((h, i) => h.padEnd(widths[i])).join(' | '));
    console.log(widths.map(w => '-'.repeat(w)).join('-|-'));
    for (const r of rows) {
      console.log(r.map((c, i) => c.padEnd(widths[i])).join(' | '));
    }
  } finally {
    await backend?.stop();
    await sim.stop();
  }
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
