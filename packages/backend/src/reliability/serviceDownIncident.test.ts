/*
 * The demo of scripts/dev.sh end to end: the platform simulator's Alertmanager
 * notifies the real backend's incident webhook with the development token
 * (app-config.development.yaml, as dev.sh passes it); trading-api scaled to 0
 * replicas fires ServiceDown, and one P1 incident opens for
 * component:default/trading-api.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { RunningSimulator, startSimulator } from '@fdp/platform-sim';
import {
  BackendProcess,
  eventually,
  freePort,
  guestToken,
  repoRoot,
} from '../testing/backendProcess';
import { PortalApi } from './portalApi';

jest.setTimeout(240_000);

const TRADING_API = 'component:default/trading-api';

describe('ServiceDown in the simulator opens a P1 incident through the webhook', () => {
  let dir: string;
  let sim: RunningSimulator;
  let backend: BackendProcess;
  let api: PortalApi;

  const alive = () =>
    backend.hasExited
      ? `backend exited:\n${backend.log().slice(-3000)}`
      : undefined;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdp-servicedown-'));
    const devConfig = parse(
      fs.readFileSync(
        path.join(repoRoot, 'app-config.development.yaml'),
        'utf8',
      ),
    );
    const tokenFile = path.join(dir, 'incidents-webhook-token');
    fs.writeFileSync(tokenFile, devConfig.incidents.webhook.token);
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    sim = await startSimulator({
      clock: 'manual',
      webhook: {
        url: `${baseUrl}/api/incidents/webhooks/alertmanager`,
        tokenFile,
        initialBackoffMs: 200,
      },
    });
    backend = BackendProcess.start({
      configOverride: `
app: { baseUrl: ${baseUrl} }
backend:
  baseUrl: ${baseUrl}
  listen: { port: ${port}, host: 127.0.0.1 }
  database: { client: better-sqlite3, connection: { directory: ${dir} } }
alerts:
  prometheus: [{ name: default, url: ${sim.url} }]
  alertmanager: [{ name: default, url: ${sim.url} }]
kubernetes:
  clusterLocatorMethods:
    - type: config
      clusters:
        - name: ${sim.cluster}
          url: ${sim.url}
          authProvider: serviceAccount
          serviceAccountToken: ${sim.token}
`,
    });
    const token = await eventually(() => guestToken(baseUrl), {
      timeoutMs: 150_000,
      what: 'guest sign-in',
      abort: alive,
    });
    api = new PortalApi(baseUrl, token);
    // the webhook names the incident's entity from the catalog
    await eventually(
      async () =>
        (
          await api.get(
            '/api/catalog/entities/by-name/component/default/trading-api',
          )
        ).status === 200 || undefined,
      { timeoutMs: 90_000, what: 'trading-api in the catalog', abort: alive },
    );
  }, 240_000);

  afterAll(async () => {
    await backend?.stop();
    await sim?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const openIncidents = async () => {
    const { status, body } = await api.get(
      '/api/incidents/incidents?status=open&limit=100',
    );
    expect(status).toBe(200);
    return body.items as { level: string; entityRef?: string }[];
  };

  it('opens one P1 for trading-api when its pods are gone', async () => {
    expect(
      (await openIncidents()).filter(i => i.entityRef === TRADING_API),
    ).toEqual([]);
    // kubectl scale deploy/trading-api --replicas=0 -n trading
    const scaled = await fetch(
      `${sim.url}/apis/apps/v1/namespaces/trading/deployments/trading-api/scale`,
      {
        method: 'PATCH',
        headers: {
          authorization: `Bearer ${sim.token}`,
          'content-type': 'application/merge-patch+json',
        },
        body: JSON.stringify({ spec: { replicas: 0 } }),
      },
    );
    expect(scaled.status).toBe(200);
    // ServiceDown holds for 1m, then group_wait (30s): 3 scenario minutes is plenty
    for (let t = 0; t < 180; t += 5) {
      sim.advance(5);
      await new Promise(r => setTimeout(r, 10));
    }
    const incidents = await eventually(
      async () => {
        const mine = (await openIncidents()).filter(
          i => i.entityRef === TRADING_API,
        );
        return mine.length ? mine : undefined;
      },
      { timeoutMs: 30_000, what: 'incident for trading-api', abort: alive },
    );
    expect(incidents).toEqual([
      expect.objectContaining({ level: 'P1', entityRef: TRADING_API }),
    ]);
  });
});
