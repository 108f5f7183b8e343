/*
 * The alerts backend against the REAL Prometheus and Alertmanager (Debian
 * packages, started here on free loopback ports) running the repo's own
 * deploy/ rules and routing, with Prometheus scraping the platform simulator;
 * and the very same checks against the simulator's Prometheus/Alertmanager
 * subsets, so the simulator cannot drift from the real wire format.
 *
 * The fastest documented rule is ServiceDown (for: 1m): every trading-api
 * pod crash-loops, service_up drops to 0, the alert fires, reaches
 * Alertmanager, and the portal shows it with its priority and entity; a
 * silence created through the portal suppresses it and shows its creator;
 * expiring the silence brings the alert back.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { RunningSimulator, startSimulator } from '@fdp/platform-sim';
import request from 'supertest';
import { alertsPlugin } from './plugin';

jest.setTimeout(240_000);

// eslint-disable-next-line no-restricted-syntax
const repoRoot = path.resolve(__dirname, '../../..');
const DEVOPS = 'user:default/devops-lead';

const tradingApi = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'trading-api',
    namespace: 'default',
    annotations: {
      'prometheus.io/alert': 'all',
      'prometheus.io/labels': 'service=trading-api',
    },
  },
  spec: { type: 'service', owner: 'trading-team', lifecycle: 'production' },
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor<T>(
  fn: () => Promise<T | undefined>,
  what: string,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 1000));
  }
}

function startProcess(
  cmd: string,
  args: string[],
  log: string[],
): ChildProcess {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', d => log.push(String(d)));
  child.stderr!.on('data', d => log.push(String(d)));
  return child;
}

/** Where alerts come from, and how time passes there. */
interface Target {
  prometheusUrl: string;
  alertmanagerUrl: string;
  /** let (scenario) time pass */
  pass(seconds: number): Promise<void>;
  stop(): Promise<void>;
}

async function realServers(sim: RunningSimulator): Promise<Target> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdp-real-alerting-'));
  const [promPort, amPort] = [await freePort(), await freePort()];
  const simHost = new URL(sim.url).host;
  fs.writeFileSync(
    path.join(dir, 'prometheus.yml'),
    `global: { scrape_interval: 2s, evaluation_interval: 2s }
rule_files: ['${repoRoot}/deploy/prometheus/rules/*.yaml']
alerting:
  alertmanagers:
    - static_configs: [{ targets: ['127.0.0.1:${amPort}'] }]
scrape_configs:
  - job_name: platform-sim
    static_configs: [{ targets: ['${simHost}'] }]
`,
  );
  const log: string[] = [];
  const processes = [
    startProcess(
      'prometheus',
      [
        `--config.file=${dir}/prometheus.yml`,
        `--storage.tsdb.path=${dir}/tsdb`,
        `--web.listen-address=127.0.0.1:${promPort}`,
        '--rules.alert.resend-delay=5s',
      ],
      log,
    ),
    startProcess(
      'prometheus-alertmanager',
      [
        `--config.file=${repoRoot}/deploy/alertmanager/alertmanager.yml`,
        `--storage.path=${dir}/am`,
        `--web.listen-address=127.0.0.1:${amPort}`,
        '--cluster.listen-address=',
      ],
      log,
    ),
  ];
  const prometheusUrl = `http://127.0.0.1:${promPort}`;
  const alertmanagerUrl = `http://127.0.0.1:${amPort}`;
  try {
    await waitFor(
      async () =>
        (await fetch(`${prometheusUrl}/-/ready`)).ok ? true : undefined,
      'prometheus ready',
      30_000,
    );
    await waitFor(
      async () =>
        (await fetch(`${alertmanagerUrl}/-/ready`)).ok ? true : undefined,
      'alertmanager ready',
      30_000,
    );
  } catch (e) {
    throw new Error(`${e}\n${log.join('').slice(-3000)}`);
  }
  return {
    prometheusUrl,
    alertmanagerUrl,
    pass: seconds => new Promise(r => setTimeout(r, seconds * 1000)),
    async stop() {
      for (const p of processes) p.kill('SIGTERM');
      await Promise.all(
        processes.map(p => new Promise(r => p.once('exit', r))),
      );
    },
  };
}

async function simulatorSubsets(sim: RunningSimulator): Promise<Target> {
  return {
    prometheusUrl: sim.url,
    alertmanagerUrl: sim.url,
    async pass(seconds) {
      sim.advance(seconds);
    },
    async stop() {},
  };
}

const haveRealServers = ['prometheus', 'prometheus-alertmanager'].every(bin =>
  (process.env.PATH ?? '')
    .split(':')
    .some(d => fs.existsSync(path.join(d, bin))),
);

describe.each([
  ['real Prometheus 2 and Alertmanager (Debian)', realServers, 'realtime'],
  ['the simulator subsets', simulatorSubsets, 'manual'],
] as const)('alerts against %s', (_name, makeTarget, clock) => {
  let sim: RunningSimulator;
  let target: Target;

  beforeAll(async () => {
    if (makeTarget === realServers && !haveRealServers) {
      // CI installs them (.ci/run); failing here beats silently passing
      throw new Error(
        'prometheus and prometheus-alertmanager are not on PATH: apt-get install prometheus prometheus-alertmanager',
      );
    }
    sim = await startSimulator({ scenario: 'default', port: 0, clock });
    target = await makeTarget(sim);
  });
  afterAll(async () => {
    await target?.stop();
    await sim?.stop();
  });

  it('shows ServiceDown with priority and entity, and a silence round trip works', async () => {
    const { server } = await startTestBackend({
      features: [
        alertsPlugin,
        catalogServiceMock.factory({ entities: [tradingApi] }),
        createServiceFactory({
          service: signalsServiceRef,
          deps: {},
          factory: () => ({ publish: async () => {} }),
        }),
        mockServices.rootConfig.factory({
          data: {
            alerts: {
              prometheus: [{ name: 'default', url: target.prometheusUrl }],
              alertmanager: [{ name: 'default', url: target.alertmanagerUrl }],
            },
          },
        }),
      ],
    });
    const auth = { Authorization: mockCredentials.user.header(DEVOPS) };
    const serviceDown = async () => {
      const res = await request(server)
        .get('/api/alerts/alerts?entityRef=component:default/trading-api')
        .set(auth);
      return res.body.alerts?.find((a: any) => a.name === 'ServiceDown');
    };

    // every trading-api pod crash-loops: service_up 0, ServiceDown (for: 1m)
    sim.trigger({
      type: 'crashLoop',
      workload: 'trading/trading-api',
      duration: 3600,
    } as any);
    await target.pass(15);
    await target.pass(90);
    const firing = await waitFor(
      async () => {
        const a = await serviceDown();
        // routed by Alertmanager (receivers known) and not suppressed
        return a?.state === 'firing' && a.receivers.length > 0 ? a : undefined;
      },
      'ServiceDown firing in Alertmanager',
      150_000,
    );
    expect(firing).toMatchObject({
      priority: 'high',
      severity: 'critical',
      entityRefs: ['component:default/trading-api'],
      labels: expect.objectContaining({
        service: 'trading-api',
        incident_level: 'P1',
      }),
    });
    expect(firing.receivers).toEqual(
      expect.arrayContaining(['critical', 'portal-incidents']),
    );

    // a silence through the portal suppresses it in Alertmanager
    const created = await request(server)
      .post('/api/alerts/silences')
      .set(auth)
      .send({
        matchers: 'alertname="ServiceDown",service="trading-api"',
        duration: '1h',
        comment: 'restarting trading-api',
      });
    expect(created.status).toBe(201);
    expect(created.body.createdBy).toBe(DEVOPS);
    const silenced = await waitFor(
      async () => {
        const a = await serviceDown();
        return a?.state === 'silenced' ? a : undefined;
      },
      'ServiceDown silenced',
      60_000,
    );
    expect(silenced.silencedBy).toEqual([created.body.id]);
    const silences = await request(server)
      .get('/api/alerts/silences')
      .set(auth);
    expect(silences.body.silences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: created.body.id,
          createdBy: DEVOPS,
          comment: 'restarting trading-api',
          state: 'active',
        }),
      ]),
    );

    // expiring it brings the alert back
    const expired = await request(server)
      .delete(`/api/alerts/silences/${created.body.id}`)
      .set(auth);
    expect(expired.status).toBe(204);
    await target.pass(1);
    const back = await waitFor(
      async () => {
        const a = await serviceDown();
        return a?.state === 'firing' ? a : undefined;
      },
      'ServiceDown firing again',
      60_000,
    );
    expect(back.silencedBy).toEqual([]);
  });

  it('answers an unknown silence ID with 404 and a malformed one with 400', async () => {
    const { server } = await startTestBackend({
      features: [
        alertsPlugin,
        catalogServiceMock.factory({ entities: [] }),
        createServiceFactory({
          service: signalsServiceRef,
          deps: {},
          factory: () => ({ publish: async () => {} }),
        }),
        mockServices.rootConfig.factory({
          data: {
            alerts: {
              prometheus: [{ name: 'default', url: target.prometheusUrl }],
              alertmanager: [{ name: 'default', url: target.alertmanagerUrl }],
            },
          },
        }),
      ],
    });
    const auth = { Authorization: mockCredentials.user.header(DEVOPS) };
    const unknown = '00000000-0000-4000-8000-000000000000';
    const gone = await request(server)
      .delete(`/api/alerts/silences/${unknown}`)
      .set(auth);
    expect(gone.status).toBe(404);
    expect(gone.body.error).toMatchObject({
      name: 'NotFoundError',
      message: `silence '${unknown}' not found in Alertmanager 'default'`,
    });
    const malformed = await request(server)
      .delete('/api/alerts/silences/not-a-uuid')
      .set(auth);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.name).toBe('InputError');
  });
});
