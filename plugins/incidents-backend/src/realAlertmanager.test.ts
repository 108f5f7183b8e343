/*
 * The incidents webhook behind the REAL Prometheus and Alertmanager (Debian
 * packages on free loopback ports): Prometheus runs the repo's rules
 * (deploy/prometheus) against the platform simulator, Alertmanager the
 * repo's routing (deploy/alertmanager) with only its webhook URL, token file
 * and timers pointed at this test: trading-api's pods crash-loop, ServiceDown
 * fires, the portal-incidents receiver opens one P1 incident on trading-api
 * with the bearer token, Alertmanager's repeated notifications of the group
 * open no second one, and the resolution is a timeline entry that leaves the
 * incident open.
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
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { RunningSimulator, startSimulator } from '@fdp/platform-sim';
import { Server } from 'node:http';
import request from 'supertest';
import { incidentsPlugin } from './plugin';

jest.setTimeout(300_000);

// eslint-disable-next-line no-restricted-syntax
const repoRoot = path.resolve(__dirname, '../../..');
const TOKEN = 'test-only-real-alertmanager-token';
const lead = {
  Authorization: mockCredentials.user.header('user:default/devops-lead'),
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

/** The repo's alertmanager.yml with one change per line named here, each checked to apply. */
function alertmanagerConfig(webhookUrl: string, tokenFile: string): string {
  let text = fs.readFileSync(
    path.join(repoRoot, 'deploy/alertmanager/alertmanager.yml'),
    'utf8',
  );
  const replacements: Array<[string, string]> = [
    ['http://portal:7007/api/incidents/webhooks/alertmanager', webhookUrl],
    ['/etc/alertmanager/secrets/portal-incidents-token', tokenFile],
    // minutes and hours of the documented timers become seconds here
    ['group_wait: 30s', 'group_wait: 1s'],
    ['group_interval: 5m', 'group_interval: 2s'],
    ['repeat_interval: 4h', 'repeat_interval: 4s'],
  ];
  for (const [from, to] of replacements) {
    if (!text.includes(from)) {
      throw new Error(`deploy/alertmanager/alertmanager.yml has no '${from}'`);
    }
    text = text.split(from).join(to);
  }
  return text;
}

describe('the Alertmanager webhook behind the real Prometheus and Alertmanager', () => {
  let sim: RunningSimulator;
  let server: Server;
  const processes: ChildProcess[] = [];
  const log: string[] = [];

  beforeAll(async () => {
    for (const bin of ['prometheus', 'prometheus-alertmanager']) {
      if (
        !(process.env.PATH ?? '')
          .split(':')
          .some(d => fs.existsSync(path.join(d, bin)))
      ) {
        // CI installs them (.ci/run); failing here beats silently passing
        throw new Error(`${bin} is not on PATH: apt-get install ${bin}`);
      }
    }
    sim = await startSimulator({
      scenario: 'default',
      port: 0,
      clock: 'realtime',
    });
    ({ server } = await startTestBackend({
      features: [
        incidentsPlugin,
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: { name: 'trading-api', namespace: 'default' },
              spec: {},
            },
          ],
        }),
        createServiceFactory({
          service: signalsServiceRef,
          deps: {},
          factory: () => ({ publish: async () => {} }),
        }),
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({ send: async () => {} }),
        }),
        mockServices.rootConfig.factory({
          data: { incidents: { webhook: { token: TOKEN } } },
        }),
      ],
    }));
    const backendPort = (server.address() as net.AddressInfo).port;

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdp-incidents-am-'));
    const [promPort, amPort] = [await freePort(), await freePort()];
    fs.writeFileSync(path.join(dir, 'token'), TOKEN);
    fs.writeFileSync(
      path.join(dir, 'alertmanager.yml'),
      alertmanagerConfig(
        `http://127.0.0.1:${backendPort}/api/incidents/webhooks/alertmanager`,
        path.join(dir, 'token'),
      ),
    );
    fs.writeFileSync(
      path.join(dir, 'prometheus.yml'),
      `global: { scrape_interval: 2s, evaluation_interval: 2s }
rule_files: ['${repoRoot}/deploy/prometheus/rules/*.yaml']
alerting:
  alertmanagers:
    - static_configs: [{ targets: ['127.0.0.1:${amPort}'] }]
scrape_configs:
  - job_name: platform-sim
    static_configs: [{ targets: ['${new URL(sim.url).host}'] }]
`,
    );
    const start = (cmd: string, args: string[]) => {
      const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout!.on('data', d => log.push(String(d)));
      child.stderr!.on('data', d => log.push(String(d)));
      processes.push(child);
    };
    start('prometheus', [
      `--config.file=${dir}/prometheus.yml`,
      `--storage.tsdb.path=${dir}/tsdb`,
      `--web.listen-address=127.0.0.1:${promPort}`,
      '--rules.alert.resend-delay=2s',
    ]);
    start('prometheus-alertmanager', [
      `--config.file=${dir}/alertmanager.yml`,
      `--storage.path=${dir}/am`,
      `--web.listen-address=127.0.0.1:${amPort}`,
      '--cluster.listen-address=',
    ]);
    try {
      for (const url of [
        `http://127.0.0.1:${promPort}/-/ready`,
        `http://127.0.0.1:${amPort}/-/ready`,
      ]) {
        await waitFor(
          async () => ((await fetch(url)).ok ? true : undefined),
          url,
          30_000,
        );
      }
    } catch (e) {
      throw new Error(`${e}\n${log.join('').slice(-3000)}`);
    }
  });

  afterAll(async () => {
    for (const p of processes) p.kill('SIGTERM');
    await Promise.all(
      processes.map(p =>
        p.exitCode === null ? new Promise(r => p.once('exit', r)) : undefined,
      ),
    );
    await sim?.stop();
  });

  it('opens one P1 on trading-api for ServiceDown and records repeats and the resolution', async () => {
    const open = async () =>
      (
        await request(server)
          .get('/api/incidents/incidents?status=open')
          .set(lead)
      ).body.items as any[];
    const details = async (id: string) =>
      (await request(server).get(`/api/incidents/incidents/${id}`).set(lead))
        .body;

    // every trading-api pod crash-loops for 100 s: service_up 0, and
    // ServiceDown (for: 1m) fires, then resolves
    sim.trigger({
      type: 'crashLoop',
      workload: 'trading/trading-api',
      duration: 100,
    } as any);
    const [incident] = await waitFor(
      async () => {
        const items = await open();
        return items.length ? items : undefined;
      },
      `an incident from ServiceDown\n${log.join('').slice(-2000)}`,
      180_000,
    );
    expect(incident).toMatchObject({
      title: 'Service trading-api is down',
      level: 'P1',
      entityRef: 'component:default/trading-api',
      stage: 'detected',
    });
    expect((await details(incident.id)).incident.source).toBe('alertmanager');

    // the group's repeated notifications: entries, not incidents
    await waitFor(
      async () => {
        const alerts = (await details(incident.id)).timeline.filter(
          (e: any) => e.kind === 'alert' && e.status === 'firing',
        );
        return alerts.length >= 2 ? alerts : undefined;
      },
      'a repeated notification',
      60_000,
    );
    expect(await open()).toHaveLength(1);

    const resolved = await waitFor(
      async () => {
        const entry = (await details(incident.id)).timeline.find(
          (e: any) => e.kind === 'alert' && e.status === 'resolved',
        );
        return entry;
      },
      'the resolved notification',
      150_000,
    );
    expect(resolved).toMatchObject({
      actor: 'alertmanager',
      alertnames: ['ServiceDown'],
    });
    const after = await details(incident.id);
    expect(after.incident.stage).toBe('detected');
    const all = await request(server).get('/api/incidents/incidents').set(lead);
    expect(all.body.items).toHaveLength(1);
  });
});
