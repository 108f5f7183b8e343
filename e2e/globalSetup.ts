import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSimulator } from '../packages/platform-sim/src';
import {
  BackendProcess,
  DEVELOPMENT_CONFIG,
  eventually,
  repoRoot,
} from '../packages/backend/src/testing/backendProcess';

const BASE_URL = 'http://127.0.0.1:7017';
const ARTIFACTS = path.join(__dirname, 'artifacts');

/**
 * Starts the platform simulator (default scenario, real time) and the
 * backend serving the production build of the app, pointed at the simulator
 * over HTTPS exactly as at a real API server.
 */
export default async function globalSetup() {
  if (!fs.existsSync(path.join(repoRoot, 'packages/app/dist/index.html'))) {
    throw new Error(
      'packages/app/dist is missing: build the app first (yarn workspace app build)',
    );
  }
  // the Korean UI's screenshots show boxes without a Hangul font
  const hangul = spawnSync('fc-list', [':lang=ko', 'family'], {
    encoding: 'utf8',
  });
  if (!hangul.stdout?.trim()) {
    throw new Error(
      'no font for Korean (fc-list :lang=ko is empty): apt-get install fonts-noto-cjk',
    );
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  // a backend of another run on the port would answer in place of ours
  const answered = await fetch(`${BASE_URL}/`).catch(() => undefined);
  if (answered) {
    throw new Error(`${BASE_URL} is in use: another e2e run or backend`);
  }
  // Manual clock: tests move scenario time through the simulator's control
  // API (POST /sim/advance), so the demo's CPU ramp is reproducible.
  const sim = await startSimulator({
    scenario: 'default',
    port: 0,
    clock: 'manual',
  });
  process.env.FDP_SIM_URL = sim.url;
  process.env.FDP_SIM_TOKEN = sim.token;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdp-e2e-'));
  // the scaffolder's local git repositories (07-scaffolder checks them)
  process.env.FDP_E2E_PUBLISH_DIR = path.join(dataDir, 'repos');
  const backend = BackendProcess.start({
    configFiles: [...DEVELOPMENT_CONFIG, 'e2e/app-config.e2e.yaml'],
    configOverride: `
backend:
  database:
    client: better-sqlite3
    connection:
      directory: ${dataDir}
kubernetesInformerCache:
  metricsInterval: 1s
  diskUsage:
    prometheus:
      url: ${sim.url}
clusterHealth:
  debounce: 100ms
scaffolder:
  platform:
    publishDir: ${process.env.FDP_E2E_PUBLISH_DIR}
alerts:
  pollInterval: 2s
  prometheus:
    - name: default
      url: ${sim.url}
  alertmanager:
    - name: default
      url: ${sim.url}
kubernetes:
  clusterLocatorMethods:
    - type: config
      clusters:
        - name: ${sim.cluster}
          url: ${sim.httpsUrl}
          caData: ${Buffer.from(sim.caCert).toString('base64')}
          authProvider: serviceAccount
          serviceAccountToken: ${sim.token}
`,
    env: { NODE_ENV: 'production' },
  });
  await eventually(
    async () => {
      const res = await fetch(`${BASE_URL}/`);
      const html = await res.text();
      return res.ok && html.includes('<div id="root">') ? true : undefined;
    },
    {
      timeoutMs: 120_000,
      what: 'backend serving the app',
      abort: () => (backend.hasExited ? backend.log().slice(-3000) : undefined),
    },
  );

  return async () => {
    fs.writeFileSync(path.join(ARTIFACTS, 'backend.log'), backend.log());
    await backend.stop();
    await sim.stop();
  };
}
