import fs from 'node:fs';
import path from 'node:path';
import type { BackendProcess } from '../packages/backend/src/testing/backendProcess';

export default async function globalTeardown() {
  const backend: BackendProcess | undefined = (globalThis as any)
    .__FDP_BACKEND__;
  if (backend) {
    fs.mkdirSync(path.join(__dirname, 'artifacts'), { recursive: true });
    fs.writeFileSync(
      path.join(__dirname, 'artifacts/backend.log'),
      backend.log(),
    );
    await backend.stop();
  }
}
