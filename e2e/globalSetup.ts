import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BackendProcess,
  eventually,
  repoRoot,
} from '../packages/backend/src/testing/backendProcess';

const BASE_URL = 'http://127.0.0.1:7017';

export default async function globalSetup() {
  if (!fs.existsSync(path.join(repoRoot, 'packages/app/dist/index.html'))) {
    throw new Error(
      'packages/app/dist is missing: build the app first (yarn workspace app build)',
    );
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdp-e2e-'));
  const backend = BackendProcess.start({
    configFiles: ['app-config.yaml', 'e2e/app-config.e2e.yaml'],
    configOverride: `backend:\n  database:\n    client: better-sqlite3\n    connection:\n      directory: ${dataDir}\n`,
    env: { NODE_ENV: 'production' },
  });
  (globalThis as any).__FDP_BACKEND__ = backend;
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
  fs.writeFileSync(path.join(dataDir, 'backend.log'), '');
  process.on('exit', () => {
    fs.writeFileSync(
      path.join(repoRoot, 'e2e/artifacts/backend.log'),
      backend.log(),
    );
  });
}
