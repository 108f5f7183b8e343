import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { freePort, repoRoot } from '../testing/backendProcess';
import { RestartableProcess } from '../testing/restartableProcess';

/**
 * The platform simulator as its own process (packages/platform-sim/bin), so
 * a test can SIGKILL it mid-watch and start it again on the same port, as
 * `scripts/dev.sh` runs it. It writes its CA certificate to `caFile`.
 */
export async function simulatorProcess(): Promise<{
  process: RestartableProcess;
  port: number;
  httpsUrl: string;
  caFile: string;
  /** The default scenario's cluster and token (from the kubeconfig it writes). */
  cluster: string;
  token: string;
}> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdp-sim-'));
  const port = await freePort();
  const caFile = path.join(dir, 'platform-sim-ca.crt');
  const sim = new RestartableProcess(
    'platform simulator',
    process.execPath,
    [
      path.join(repoRoot, 'packages/platform-sim/bin/platform-sim'),
      '--scenario',
      'default',
      '--port',
      String(port),
      '--ca-out',
      caFile,
      '--kubeconfig-out',
      path.join(dir, 'kubeconfig'),
    ],
    // ready once this run has written its certificate
    async startedAt =>
      (await fetch(`http://127.0.0.1:${port}/readyz`)).ok &&
      fs.existsSync(caFile) &&
      fs.statSync(caFile).mtimeMs >= startedAt - 1000,
  );
  await sim.start();
  const kubeconfig = parse(
    fs.readFileSync(path.join(dir, 'kubeconfig'), 'utf8'),
  );
  return {
    process: sim,
    port,
    httpsUrl: `https://127.0.0.1:${port}`,
    caFile,
    cluster: kubeconfig.clusters[0].name,
    token: kubeconfig.users[0].user.token,
  };
}
