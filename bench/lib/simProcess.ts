import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  freePort,
  repoRoot,
} from '../../packages/backend/src/testing/backendProcess';
import type { StatsSnapshot } from '../../packages/platform-sim/src/http/stats';

/** The simulator in its own process (so its event loop is not the bench's). */
export interface SimProcess {
  url: string;
  httpsUrl: string;
  token: string;
  caCert: string;
  child: ChildProcess;
  stats(): Promise<StatsSnapshot>;
  resetStats(): Promise<void>;
  trigger(event: object): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the simulator. Its alerting (rule evaluation over every node of the
 * scenario) is off unless `withAlerting`: the cluster benchmarks measure the
 * Kubernetes API double, not the rule engine.
 */
export async function startSimProcess(
  scenario: string,
  options: { withAlerting?: boolean } = {},
): Promise<SimProcess> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdp-bench-sim-'));
  const caOut = path.join(dir, 'ca.crt');
  const kubeconfigOut = path.join(dir, 'kubeconfig');
  const noRules = path.join(dir, 'no-rules');
  fs.mkdirSync(noRules);
  const child = spawn(
    path.join(repoRoot, 'packages/platform-sim/bin/platform-sim'),
    [
      '--scenario',
      scenario,
      '--port',
      String(port),
      '--ca-out',
      caOut,
      '--kubeconfig-out',
      kubeconfigOut,
      ...(options.withAlerting ? [] : ['--rules', noRules]),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', d => {
      out += String(d);
      if (out.includes('platform-sim ready')) resolve();
    });
    child.once('exit', code =>
      reject(new Error(`platform-sim exited with ${code}`)),
    );
  });
  const kubeconfig = fs.readFileSync(kubeconfigOut, 'utf8');
  const token = /token: (\S+)/.exec(kubeconfig)![1];
  const url = `http://127.0.0.1:${port}`;
  const auth = { Authorization: `Bearer ${token}` };
  return {
    url,
    httpsUrl: `https://127.0.0.1:${port}`,
    token,
    caCert: fs.readFileSync(caOut, 'utf8'),
    child,
    async stats() {
      return (await fetch(`${url}/sim/stats`)).json();
    },
    async resetStats() {
      await fetch(`${url}/sim/stats/reset`, { method: 'POST', headers: auth });
    },
    async trigger(event) {
      const res = await fetch(`${url}/sim/events`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify(event),
      });
      if (!res.ok)
        throw new Error(`sim event: ${res.status} ${await res.text()}`);
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise(r => child.once('exit', r));
    },
  };
}
