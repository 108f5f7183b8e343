import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../testing/backendProcess';

export interface SimulatorChild {
  /** http://127.0.0.1:<port>: Prometheus and Alertmanager */
  url: string;
  /** https:// on the same port: the Kubernetes API */
  httpsUrl: string;
  port: number;
  cluster: string;
  /** the kubeconfig it wrote (YAML), with its service account token */
  kubeconfig: string;
  caData: string;
  stop(): Promise<void>;
}

/**
 * The platform simulator (default scenario, real time) in a child process on
 * a free port, as scripts/dev.sh runs it; resolves once it is ready.
 */
export async function startSimulatorChild(
  dir: string,
): Promise<SimulatorChild> {
  const caFile = path.join(dir, 'sim-ca.crt');
  const kubeconfigFile = path.join(dir, 'sim-kubeconfig');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join(repoRoot, 'packages/platform-sim/bin/platform-sim'),
      '--port',
      '0',
      '--ca-out',
      caFile,
      '--kubeconfig-out',
      kubeconfigFile,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>(resolve => child.once('exit', resolve));
  let output = '';
  const ready = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`simulator not ready in 60 s:\n${output}`));
    }, 60_000);
    const onData = (d: Buffer) => {
      output += String(d);
      const m =
        /platform-sim ready: cluster (\S+) at (http:\/\/127\.0\.0\.1:(\d+))/.exec(
          output,
        );
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', code => {
      clearTimeout(timer);
      reject(new Error(`simulator exited with ${code}:\n${output}`));
    });
  });
  return {
    cluster: ready[1],
    url: ready[2],
    httpsUrl: `https://127.0.0.1:${ready[3]}`,
    port: Number(ready[3]),
    kubeconfig: fs.readFileSync(kubeconfigFile, 'utf8'),
    caData: fs.readFileSync(caFile).toString('base64'),
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
