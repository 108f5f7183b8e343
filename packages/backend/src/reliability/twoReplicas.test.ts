/*
 * Two replicas of the real backend in production mode (app-config.yaml +
 * app-config.production.yaml, NODE_ENV=production) on one PostgreSQL and the
 * machine's Redis, sharing nothing else with each other: no memory, no files
 * (the simulator, Prometheus and Alertmanager are the installation's, seen by
 * both). Each replica is called directly, as a load balancer would route one
 * request to either.
 * Sign-in is the guest provider (explicitly allowed outside development
 * here, as the end-to-end tests do) since no OIDC provider runs here.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import {
  BackendProcess,
  eventually,
  freePort,
  guestToken,
  PRODUCTION_CONFIG,
} from '../testing/backendProcess';
import { alertingServers } from '../testing/alertingServers';
import { PrivatePostgres } from '../testing/privatePostgres';
import { simulatorProcess } from '../__testUtils__/simulatorProcess';
import { PortalApi } from './portalApi';
import { BUCKET, lostWrites, SettingsWriter } from './settingsWriter';
import { SignalsClient } from './signalsClient';

jest.setTimeout(120_000);

/** The search index of the catalog: a global task (at most one run at a time across replicas). */
const GLOBAL_TASK = 'search_index_software_catalog';
const TASK_CADENCE_SECONDS = 3;
const TASK_WINDOW_SECONDS = 30;
const CACHE_NAMESPACE = `fdp-replicas-${process.pid}-${Date.now()}`;

interface Replica {
  backend: BackendProcess;
  baseUrl: string;
}

describe('two replicas', () => {
  let pg: PrivatePostgres;
  let alerting: Awaited<ReturnType<typeof alertingServers>>;
  let sim: Awaited<ReturnType<typeof simulatorProcess>>;
  let a: Replica;
  let b: Replica;
  let token: string;
  let apiA: PortalApi;
  let apiB: PortalApi;

  async function startReplica(): Promise<Replica> {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const backend = BackendProcess.start({
      configFiles: PRODUCTION_CONFIG,
      configOverride: `
backend:
  listen: 127.0.0.1:${port}
  # one namespace for both replicas, apart from other tests on this Redis
  cache:
    redis:
      client:
        namespace: ${CACHE_NAMESPACE}
auth:
  providers:
    guest:
      userEntityRef: user:default/devops-lead
      ownershipEntityRefs: [user:default/devops-lead, group:default/devops]
      dangerouslyAllowOutsideDevelopment: true
search:
  collators:
    catalog:
      schedule:
        frequency: { seconds: ${TASK_CADENCE_SECONDS} }
        timeout: { seconds: 10 }
        initialDelay: { seconds: 1 }
`,
      env: {
        NODE_ENV: 'production',
        // the public address both replicas sit behind
        APP_BASE_URL: 'http://portal.fdp.test',
        BACKEND_BASE_URL: 'http://portal.fdp.test',
        PORTAL_SCRIPT_TOKEN: randomBytes(24).toString('hex'),
        POSTGRES_HOST: pg.host,
        POSTGRES_PORT: String(pg.port),
        POSTGRES_USER: pg.user,
        POSTGRES_PASSWORD: 'unused-trust-auth',
        REDIS_HOST: '127.0.0.1',
        REDIS_PORT: '6379',
        AUTH_OIDC_METADATA_URL:
          'http://127.0.0.1:1/.well-known/openid-configuration',
        AUTH_OIDC_CLIENT_ID: 'portal',
        AUTH_OIDC_CLIENT_SECRET: 'unused',
        K8S_CLUSTER_NAME: sim.cluster,
        K8S_CLUSTER_URL: sim.httpsUrl,
        K8S_SA_TOKEN: sim.token,
        K8S_CA_DATA: fs.readFileSync(sim.caFile).toString('base64'),
        PROMETHEUS_URL: alerting.prometheusUrl,
        ALERTMANAGER_URL: alerting.alertmanagerUrl,
      },
    });
    return { backend, baseUrl };
  }

  const running = (r: Replica) => () =>
    r.backend.hasExited
      ? `replica exited:\n${r.backend.log().slice(-4000)}`
      : undefined;

  beforeAll(async () => {
    [pg, alerting, sim] = await Promise.all([
      PrivatePostgres.start(),
      alertingServers(),
      simulatorProcess(),
    ]);
    // the first replica creates the databases, as a rollout's first pod does
    a = await startReplica();
    token = await eventually(() => guestToken(a.baseUrl), {
      timeoutMs: 150_000,
      what: 'sign-in on replica A',
      abort: running(a),
    });
    b = await startReplica();
    await eventually(
      async () =>
        (
          await fetch(`${b.baseUrl}/.backstage/health/v1/readiness`)
        ).ok
          ? true
          : undefined,
      { timeoutMs: 150_000, what: 'replica B ready', abort: running(b) },
    );
    apiA = new PortalApi(a.baseUrl, token);
    apiB = new PortalApi(b.baseUrl, token);
  }, 360_000);

  afterAll(async () => {
    await Promise.all([a?.backend.stop(), b?.backend.stop()]);
    await Promise.all([
      sim?.process.kill(),
      alerting?.prometheus.kill(),
      alerting?.alertmanager.kill(),
      pg?.stop(),
    ]);
  });

  it('accepts on B a user token minted by A', async () => {
    // Backstage signs user tokens with keys kept in the database
    const res = await apiB.send(
      'PUT',
      `/api/user-settings/buckets/${BUCKET}/keys/token-check`,
      { value: 1 },
    );
    expect(res.status).toBe(200);
    const anonymous = await fetch(
      `${b.baseUrl}/api/user-settings/buckets/${BUCKET}/keys/token-check`,
    );
    expect(anonymous.status).toBe(401);
  });

  it('keeps every plugin of both replicas on the shared events bus', () => {
    // With the default events.useEventBus (auto), a plugin whose first bus
    // call comes before the events plugin's routes are up gets a 404 and
    // falls back to events of its own process for good: its signals and
    // catalog events would never reach the other replica.
    for (const r of [a, b]) {
      expect(r.backend.log()).not.toContain('events backend not found');
    }
  });

  it('delivers a signal caused on A to a client connected to B', async () => {
    // user-settings announces every change to the user's open sessions
    const client = await SignalsClient.connect(
      b.baseUrl,
      token,
      'user-settings',
    );
    try {
      const key = `signal-${Date.now()}`;
      const sentAt = Date.now();
      const res = await apiA.send(
        'PUT',
        `/api/user-settings/buckets/${BUCKET}/keys/${key}`,
        { value: 1 },
      );
      expect(res.status).toBe(200);
      const signal = await client.next(m => m.message?.key === key, 10_000);
      expect(signal).toEqual({
        channel: 'user-settings',
        message: { type: 'key-changed', key },
      });
      // eslint-disable-next-line no-console
      console.log(`signal A -> B in ${Date.now() - sentAt} ms`);
    } finally {
      client.close();
    }
  });

  it('shows a silence created through A through B at once', async () => {
    const created = await apiA.send('POST', '/api/alerts/silences', {
      matchers: 'alertname="ReplicaTest"',
      duration: '1h',
      comment: 'two replicas test',
    });
    expect(created.status).toBe(201);
    const listed = await apiB.get('/api/alerts/silences');
    expect(listed.status).toBe(200);
    expect(listed.body.silences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: created.body.id,
          comment: 'two replicas test',
          createdBy: 'user:default/devops-lead',
          state: 'active',
        }),
      ]),
    );
  });

  it('runs a global scheduled task once across both replicas', async () => {
    const registered = (r: Replica) =>
      r.backend.log().includes(`Registered scheduled task: ${GLOBAL_TASK}`);
    await eventually(
      async () => (registered(a) && registered(b) ? true : undefined),
      { timeoutMs: 60_000, what: `${GLOBAL_TASK} registered on both` },
    );
    const before = [a, b].map(r => taskRuns(r.backend.log()));
    await new Promise(r => setTimeout(r, TASK_WINDOW_SECONDS * 1000));
    const [runsA, runsB] = [a, b].map(
      (r, i) => taskRuns(r.backend.log()) - before[i],
    );
    // eslint-disable-next-line no-console
    console.log(
      `${GLOBAL_TASK}: ${
        runsA + runsB
      } runs in ${TASK_WINDOW_SECONDS} s (A ${runsA}, B ${runsB})`,
    );
    // Runs are due at least a cadence apart across both replicas, and start
    // up to one poll (a cadence) late: at most window / cadence + 2 of them.
    // Each replica on its own would run it every cadence: twice as often.
    expect(runsA + runsB).toBeGreaterThanOrEqual(
      TASK_WINDOW_SECONDS / TASK_CADENCE_SECONDS / 2,
    );
    expect(runsA + runsB).toBeLessThanOrEqual(
      TASK_WINDOW_SECONDS / TASK_CADENCE_SECONDS + 2,
    );
  });

  it('loses nothing acknowledged by A when A is killed mid-request; B serves it', async () => {
    const writer = new SettingsWriter(apiA, 'kill');
    await eventually(
      async () => (writer.outcome.acknowledged.size >= 20 ? true : undefined),
      { timeoutMs: 30_000, what: 'writes on A', abort: running(a) },
    );
    process.kill(a.backend.pid!, 'SIGKILL');
    await a.backend.waitForExit();
    const outcome = await writer.stop();
    // eslint-disable-next-line no-console
    console.log(
      `kill A: ${outcome.acknowledged.size} writes acknowledged, ${outcome.broken} cut off`,
    );
    expect(await lostWrites(apiB, outcome.acknowledged)).toEqual([]);
    expect(running(b)()).toBeUndefined();

    // and B takes over the global task (A's claim, if it died in a run, expires after the task's timeout)
    const runsB = taskRuns(b.backend.log());
    await eventually(
      async () => (taskRuns(b.backend.log()) > runsB ? true : undefined),
      { timeoutMs: 30_000, what: `${GLOBAL_TASK} on B`, abort: running(b) },
    );
  });
});

/** How many runs of the catalog index task a replica's log shows (the production log has no timestamps). */
function taskRuns(log: string): number {
  return log
    .split('\n')
    .filter(line =>
      line.includes('Collating documents for software-catalog via'),
    ).length;
}
