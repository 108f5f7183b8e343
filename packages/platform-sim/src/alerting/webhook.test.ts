import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { RunningSimulator, startSimulator } from '../simulator';
import { DEFAULT_ALERTMANAGER_CONFIG } from './Alerting';

interface Received {
  authorization?: string;
  body: any;
}

/** A webhook receiver on a free (or given) port answering `status`. */
async function startReceiver(port = 0) {
  const received: Received[] = [];
  const answers: number[] = [];
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', chunk => {
      data += chunk;
    });
    req.on('end', () => {
      received.push({
        authorization: req.headers.authorization,
        body: JSON.parse(data),
      });
      res.statusCode = answers.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>(resolve =>
    server.listen(port, '127.0.0.1', () => resolve()),
  );
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}/api/incidents/webhooks/alertmanager`,
    port: bound,
    received,
    /** Statuses of the next answers (then 200). */
    answers,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

const SERVICE_DOWN_GROUP =
  '{}/{priority="high"}:{alertname="ServiceDown", service="trading-api"}';

describe('webhook notifications of the simulated Alertmanager', () => {
  let dir: string;
  let tokenFile: string;
  let amConfig: string;
  let sim: RunningSimulator | undefined;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-sim-webhook-'));
    tokenFile = path.join(dir, 'token');
    fs.writeFileSync(tokenFile, 'test-token\n');
    // the deployed routing with a 10-minute repeat_interval (4 h there) to see a repeat
    const raw = YAML.parse(
      fs.readFileSync(DEFAULT_ALERTMANAGER_CONFIG, 'utf8'),
    );
    raw.route.repeat_interval = '10m';
    amConfig = path.join(dir, 'alertmanager.yml');
    fs.writeFileSync(amConfig, YAML.stringify(raw));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(async () => {
    await sim?.stop();
    sim = undefined;
    jest.restoreAllMocks();
  });

  const start = (url: string, attempts = 5) =>
    startSimulator({
      clock: 'manual',
      alertmanagerConfig: amConfig,
      webhook: { url, tokenFile, attempts, initialBackoffMs: 10 },
    });

  /** `kubectl scale deploy/trading-api --replicas=N -n trading`. */
  const scaleTradingApi = async (s: RunningSimulator, replicas: number) => {
    const res = await fetch(
      `${s.url}/apis/apps/v1/namespaces/trading/deployments/trading-api/scale`,
      {
        method: 'PATCH',
        headers: {
          authorization: `Bearer ${s.token}`,
          'content-type': 'application/merge-patch+json',
        },
        body: JSON.stringify({ spec: { replicas } }),
      },
    );
    expect(res.status).toBe(200);
  };

  /** Moves scenario time in ticks, letting deliveries on the loopback finish in between. */
  const run = async (s: RunningSimulator, seconds: number) => {
    for (let t = 0; t < seconds; t += 5) {
      s.advance(5);
      await sleep(5);
    }
  };

  const serviceDownInAlertmanager = (s: RunningSimulator) =>
    s.alertmanagerAlerts().filter(a => a.labels.alertname === 'ServiceDown');

  /** Runs until ServiceDown reaches the Alertmanager (about 105 s after the scale to 0). */
  const runUntilServiceDownFires = async (s: RunningSimulator) => {
    for (let t = 0; t < 300 && !serviceDownInAlertmanager(s).length; t += 5)
      await run(s, 5);
    expect(serviceDownInAlertmanager(s)).toHaveLength(1);
  };

  const serviceDown = (received: Received[]) =>
    received.filter(r => r.body.groupKey === SERVICE_DOWN_GROUP);

  it('sends ServiceDown after group_wait, repeats it after repeat_interval, then sends it resolved', async () => {
    const receiver = await startReceiver();
    try {
      sim = await start(receiver.url);
      await scaleTradingApi(sim, 0);
      await runUntilServiceDownFires(sim);
      await run(sim, 25);
      expect(serviceDown(receiver.received)).toHaveLength(0);
      await run(sim, 10);
      const [first, ...rest] = serviceDown(receiver.received);
      expect(rest).toHaveLength(0);
      expect(first.authorization).toBe('Bearer test-token');
      const [amAlert] = serviceDownInAlertmanager(sim);
      expect(Object.keys(first.body).sort()).toEqual([
        'alerts',
        'commonAnnotations',
        'commonLabels',
        'externalURL',
        'groupKey',
        'groupLabels',
        'receiver',
        'status',
        'truncatedAlerts',
        'version',
      ]);
      expect(first.body).toMatchObject({
        version: '4',
        status: 'firing',
        receiver: 'portal-incidents',
        groupLabels: { alertname: 'ServiceDown', service: 'trading-api' },
        commonLabels: {
          alertname: 'ServiceDown',
          service: 'trading-api',
          incident_level: 'P1',
          priority: 'high',
        },
        commonAnnotations: { summary: 'Service trading-api is down' },
        externalURL: sim.url,
        alerts: [
          {
            status: 'firing',
            labels: amAlert.labels,
            annotations: amAlert.annotations,
            startsAt: amAlert.startsAt,
            endsAt: '0001-01-01T00:00:00Z',
            generatorURL: amAlert.generatorURL,
            fingerprint: amAlert.fingerprint,
          },
        ],
      });

      // group_interval (5m) flushes without a change: nothing; repeat_interval (10m): again
      await run(sim, 9 * 60);
      expect(serviceDown(receiver.received)).toHaveLength(1);
      await run(sim, 2 * 60);
      const repeated = serviceDown(receiver.received);
      expect(repeated).toHaveLength(2);
      expect(repeated[1].body.status).toBe('firing');
      expect(repeated[1].body.alerts[0].fingerprint).toBe(amAlert.fingerprint);

      await scaleTradingApi(sim, 3);
      await run(sim, 6 * 60);
      const all = serviceDown(receiver.received);
      expect(all).toHaveLength(3);
      expect(all[2].body.status).toBe('resolved');
      expect(all[2].body.alerts).toEqual([
        expect.objectContaining({
          status: 'resolved',
          fingerprint: amAlert.fingerprint,
          endsAt: expect.not.stringMatching(/^0001-/),
        }),
      ]);
      // resolved and told: the group has ended
      await run(sim, 15 * 60);
      expect(serviceDown(receiver.received)).toHaveLength(3);
    } finally {
      await receiver.close();
    }
  });

  it('sends no silenced alert, and sends it once the silence expires', async () => {
    const receiver = await startReceiver();
    try {
      sim = await start(receiver.url);
      const now = Date.parse(new Date(sim.sim.nowMs()).toISOString());
      const silenceId = sim.alerting.alertmanager.addSilence({
        matchers: [
          {
            name: 'alertname',
            value: 'ServiceDown',
            isRegex: false,
            isEqual: true,
          },
        ],
        startsAt: new Date(now).toISOString(),
        endsAt: new Date(now + 3600_000).toISOString(),
        createdBy: 'test',
        comment: 'maintenance',
      });
      await scaleTradingApi(sim, 0);
      await runUntilServiceDownFires(sim);
      await run(sim, 6 * 60);
      expect(serviceDownInAlertmanager(sim)[0].status.silencedBy).toEqual([
        silenceId,
      ]);
      expect(serviceDown(receiver.received)).toHaveLength(0);

      sim.alerting.alertmanager.expireSilence(silenceId);
      await run(sim, 5 * 60);
      expect(serviceDown(receiver.received)).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });

  it('retries a failed delivery with backoff', async () => {
    const receiver = await startReceiver();
    receiver.answers.push(503, 502);
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      sim = await start(receiver.url);
      await scaleTradingApi(sim, 0);
      await runUntilServiceDownFires(sim);
      await run(sim, 35);
      await sleep(200);
      const attempts = serviceDown(receiver.received);
      expect(attempts).toHaveLength(3);
      expect(attempts[2].body).toEqual(attempts[0].body);
    } finally {
      await receiver.close();
    }
  });

  it('keeps running while the receiver is down, and delivers at the next group_interval once it is up', async () => {
    const placeholder = await startReceiver();
    await placeholder.close();
    const stderr = jest
      .spyOn(process.stderr, 'write')
      .mockImplementation(() => true);
    sim = await start(placeholder.url, 2);
    await scaleTradingApi(sim, 0);
    await runUntilServiceDownFires(sim);
    await run(sim, 35);
    await sleep(200);
    const failures = stderr.mock.calls
      .map(c => String(c[0]))
      .filter(l => l.includes(SERVICE_DOWN_GROUP));
    expect(failures).toEqual([
      expect.stringContaining('attempt 1/2 failed'),
      expect.stringContaining('attempt 2/2 failed'),
    ]);
    // the simulator still serves its API
    const res = await fetch(`${sim.url}/api/v2/alerts`);
    expect(res.status).toBe(200);

    const receiver = await startReceiver(placeholder.port);
    try {
      await run(sim, 5 * 60);
      expect(serviceDown(receiver.received)).toEqual([
        expect.objectContaining({
          body: expect.objectContaining({ status: 'firing' }),
        }),
      ]);
    } finally {
      await receiver.close();
    }
  });
});
