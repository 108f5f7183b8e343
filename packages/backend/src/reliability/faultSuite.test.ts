/*
 * Fault suite: the real backend (packages/backend/src/index.ts) against the
 * platform simulator, the real Prometheus and Alertmanager and a PostgreSQL
 * cluster of its own, all separate processes. Each cycle kills the
 * simulator mid-watch (SIGKILL), kills Alertmanager or Prometheus (in turn)
 * and restarts PostgreSQL (`pg_ctl restart -m fast`) while user settings are
 * being written, then brings the sources back. Cluster health must go stale
 * and /api/alerts degraded, each naming its source, and both recover within
 * 30 s of the source coming back; across all cycles the backend must not
 * crash, its memory must not keep growing, no acknowledged write may be
 * lost, and no 5xx answer names the database's address (production mode). The restarted simulator presents a new certificate, written to the
 * cluster's caFile: the harder case for the portal than a server that keeps
 * its CA (platform-sim --tls-dir), since the cache must pick up the rotated
 * CA without a restart.
 *
 * FDP_FAULT_CYCLES sets the number of cycles (default 20).
 */
import {
  BackendProcess,
  eventually,
  freePort,
  guestToken,
} from '../testing/backendProcess';
import { alertingServers } from '../testing/alertingServers';
import { PrivatePostgres } from '../testing/privatePostgres';
import { liveHeapBytes } from '../testing/heapInspector';
import { residentBytes } from '../testing/processMemory';
import { RestartableProcess } from '../testing/restartableProcess';
import { simulatorProcess } from '../__testUtils__/simulatorProcess';
import { PortalApi } from './portalApi';
import { BUCKET, lostWrites, SettingsWriter } from './settingsWriter';

const CYCLES = Number(process.env.FDP_FAULT_CYCLES ?? 20);
const RECOVERY_MS = 30_000;
/** Allowed growth of the live heap from the first cycle to the last. */
const HEAP_GROWTH_LIMIT = 64 * 1024 * 1024;
const PROMETHEUS = 'prom-main';
const ALERTMANAGER = 'am-main';

jest.setTimeout(180_000 + CYCLES * 45_000);

describe('the backend under faults', () => {
  let pg: PrivatePostgres;
  let alerting: Awaited<ReturnType<typeof alertingServers>>;
  let sim: Awaited<ReturnType<typeof simulatorProcess>>;
  let backend: BackendProcess;
  let api: PortalApi;
  let inspectPort: number;

  const alive = () =>
    backend.hasExited
      ? `backend exited:\n${backend.log().slice(-4000)}`
      : undefined;

  beforeAll(async () => {
    [pg, alerting, sim] = await Promise.all([
      PrivatePostgres.start(),
      alertingServers(),
      simulatorProcess(),
    ]);
    const port = await freePort();
    inspectPort = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    backend = BackendProcess.start({
      configOverride: `
app:
  baseUrl: ${baseUrl}
backend:
  baseUrl: ${baseUrl}
  listen: { port: ${port}, host: 127.0.0.1 }
${pg.databaseConfig('fdp_faults_')}
kubernetesInformerCache:
  metricsInterval: 2s
  backoff: { initial: 200ms, max: 2s }
clusterHealth:
  debounce: 100ms
auth:
  providers:
    guest:
      dangerouslyAllowOutsideDevelopment: true
alerts:
  pollInterval: 2s
  timeout: 2s
  prometheus:
    - name: ${PROMETHEUS}
      url: ${alerting.prometheusUrl}
  alertmanager:
    - name: ${ALERTMANAGER}
      url: ${alerting.alertmanagerUrl}
kubernetes:
  clusterLocatorMethods:
    - type: config
      clusters:
        - name: ${sim.cluster}
          url: ${sim.httpsUrl}
          caFile: ${sim.caFile}
          authProvider: serviceAccount
          serviceAccountToken: ${sim.token}
          skipMetricsLookup: false
`,
      // production error bodies (guest sign-in allowed below); the inspector
      // measures the live heap (after a full GC) each cycle
      env: {
        NODE_ENV: 'production',
        NODE_OPTIONS: `${
          process.env.NODE_OPTIONS ?? ''
        } --inspect=127.0.0.1:${inspectPort}`,
      },
    });
    const token = await eventually(() => guestToken(baseUrl), {
      timeoutMs: 150_000,
      what: 'guest sign-in',
      abort: alive,
    });
    api = new PortalApi(baseUrl, token);
    // every plugin started (a database fault during start-up ends the process, by design)
    await eventually(
      async () =>
        (
          await fetch(`${baseUrl}/.backstage/health/v1/readiness`)
        ).ok
          ? true
          : undefined,
      { timeoutMs: 120_000, what: 'backend ready', abort: alive },
    );
    await eventually(clusterHealthy, {
      timeoutMs: 60_000,
      what: 'cluster health synced',
      abort: alive,
    });
  }, 240_000);

  afterAll(async () => {
    await backend?.stop();
    await Promise.all([
      sim?.process.kill(),
      alerting?.prometheus.kill(),
      alerting?.alertmanager.kill(),
      pg?.stop(),
    ]);
  });

  async function cluster() {
    const res = await api.get('/api/cluster-health/clusters');
    return res.status === 200
      ? res.body.find((c: { name: string }) => c.name === sim.cluster)
      : undefined;
  }
  async function clusterHealthy() {
    const c = await cluster();
    if (c && !c.stale && c.status !== 'unknown') return c;
    // the reason shows in the timeout message
    throw new Error(`cluster ${c?.status}: ${c?.reasons?.[0]?.message}`);
  }
  async function clusterStale() {
    const c = await cluster();
    return c?.stale ? c : undefined;
  }
  async function writeAccepted(key: string) {
    const res = await api.send(
      'PUT',
      `/api/user-settings/buckets/${BUCKET}/keys/${key}`,
      { value: 1 },
    );
    return res.status === 200 ? true : undefined;
  }
  async function alertErrors() {
    const res = await api.get('/api/alerts/alerts');
    return res.status === 200
      ? (res.body.errors as Array<{
          source: string;
          kind: string;
          message: string;
        }>)
      : undefined;
  }

  /** Milliseconds from now until `check` gives a value (at most RECOVERY_MS). */
  async function recovery(what: string, check: () => Promise<unknown>) {
    const from = Date.now();
    await eventually(async () => ((await check()) ? true : undefined), {
      timeoutMs: RECOVERY_MS,
      what,
      abort: alive,
    });
    return Date.now() - from;
  }

  it(`recovers from ${CYCLES} cycles of source faults without crashing, leaking or losing writes`, async () => {
    const recoveries: Record<string, number[]> = {
      simulator: [],
      'alert source': [],
      postgres: [],
    };
    const rss: number[] = [];
    const heap: number[] = [];
    const acknowledged = new Map<string, number>();
    const refused: number[] = [];

    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const down: { process: RestartableProcess; name: string; kind: string } =
        cycle % 2
          ? {
              process: alerting.alertmanager,
              name: ALERTMANAGER,
              kind: 'alertmanager',
            }
          : {
              process: alerting.prometheus,
              name: PROMETHEUS,
              kind: 'prometheus',
            };
      const writer = new SettingsWriter(api, `cycle${cycle}`);
      await new Promise(r => setTimeout(r, 300));

      // everything at once: the simulator and an alert source die, the database restarts
      const pgRestarted = pg.restart().then(() => Date.now());
      await Promise.all([sim.process.kill(), down.process.kill()]);

      const stale = await eventually(clusterStale, {
        timeoutMs: RECOVERY_MS,
        what: `cycle ${cycle}: cluster health stale`,
        abort: alive,
      });
      expect(stale).toMatchObject({ status: 'unknown' });
      expect(stale.reasons[0]).toMatchObject({
        code: 'CLUSTER_STALE',
        message: expect.stringMatching(/stale/),
      });
      // the cluster by name; the API server's address goes to the log only
      expect(JSON.stringify(stale)).not.toContain(new URL(sim.httpsUrl).host);
      const degraded = await eventually(
        async () => (await alertErrors())?.find(e => e.source === down.name),
        {
          timeoutMs: RECOVERY_MS,
          what: `cycle ${cycle}: ${down.name} reported down`,
          abort: alive,
        },
      );
      expect(degraded).toMatchObject({
        kind: down.kind,
        message: expect.stringContaining(`'${down.name}'`),
      });
      // the source by name; its address goes to the log only
      expect(degraded.message).not.toContain('127.0.0.1');

      // the database is back: writes are accepted again
      const pgBackAt = await pgRestarted;
      await eventually(() => writeAccepted(`probe-${cycle}`), {
        timeoutMs: RECOVERY_MS,
        what: `cycle ${cycle}: writes`,
        abort: alive,
      });
      recoveries.postgres.push(Date.now() - pgBackAt);
      const outcome = await writer.stop();
      outcome.acknowledged.forEach((v, k) => acknowledged.set(k, v));
      refused.push(...outcome.refused);
      // a write the database did not take is refused with a status, never by a crash
      expect(outcome.broken).toBe(0);
      expect(
        outcome.refused.filter(s => s < 400 || s > 599 || s === 501),
      ).toEqual([]);
      // ... and its answer names no database address or network error (logged instead)
      expect(
        outcome.serverErrorBodies.filter(b =>
          /127\.0\.0\.1|ECONNREFUSED/.test(b),
        ),
      ).toEqual([]);

      // the sources come back: statuses recover on their own
      await Promise.all([sim.process.start(), down.process.start()]);
      const [simMs, alertingMs] = await Promise.all([
        recovery(`cycle ${cycle}: cluster health recovered`, clusterHealthy),
        recovery(
          `cycle ${cycle}: ${down.name} recovered`,
          async () =>
            (await alertErrors())?.every(e => e.source !== down.name) ?? false,
        ),
      ]);
      recoveries.simulator.push(simMs);
      recoveries['alert source'].push(alertingMs);

      expect(alive()).toBeUndefined();
      rss.push(residentBytes(backend.pid!));
      heap.push(await liveHeapBytes(inspectPort));
    }

    const lost = await lostWrites(api, acknowledged);
    const max = (xs: number[]) => Math.max(...xs);
    const median = (xs: number[]) =>
      [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const mib = (xs: number[]) =>
      xs.map(b => Math.round(b / 1024 / 1024)).join(' ');
    // eslint-disable-next-line no-console
    console.log(
      [
        `fault cycles: ${CYCLES} (faults survived: ${CYCLES * 3})`,
        `writes acknowledged: ${acknowledged.size}, refused during restarts: ${
          refused.length
        } (statuses ${[...new Set(refused)].join(', ')}), lost: ${lost.length}`,
        `recovery ms (median / max): ${Object.entries(recoveries)
          .map(([source, ms]) => `${source} ${median(ms)} / ${max(ms)}`)
          .join(', ')}`,
        `RSS MiB per cycle: ${mib(rss)}`,
        `live heap MiB per cycle: ${mib(heap)}`,
      ].join('\n'),
    );
    expect(lost).toEqual([]);
    expect(acknowledged.size).toBeGreaterThan(CYCLES);
    // the restarts did hit writes in flight
    expect(refused.length).toBeGreaterThan(0);
    // from the end of the first cycle (caches warm) to the end of the last
    expect(heap[heap.length - 1] - heap[0]).toBeLessThan(HEAP_GROWTH_LIMIT);
  });
});
