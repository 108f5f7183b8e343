/**
 * Measures the cache's memory on the simulator's `large` scenario (5,000
 * nodes, 150,000 pods). The simulator runs in a child process so its own
 * heap is not counted.
 *
 *   node --expose-gc -r @backstage/cli/config/nodeTransform.cjs \
 *     scripts/measure-large.ts [trimmed|full] [port]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { DefaultKubernetesInformerCache } from '../src';

const detail = (process.argv[2] ?? 'trimmed') as 'trimmed' | 'full';
const port = process.argv[3] ?? '16443';
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'knc-large-'));
  const kubeconfig = path.join(dir, 'kubeconfig');
  const bin = require.resolve('@fdp/platform-sim/bin/platform-sim');
  const t0 = Date.now();
  const sim = spawn(
    process.execPath,
    [
      bin,
      '--scenario',
      'large',
      '--port',
      port,
      '--kubeconfig-out',
      kubeconfig,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    sim.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('platform-sim ready')) resolve();
    });
    sim.on('exit', code => reject(new Error(`simulator exited ${code}`)));
  });
  console.log(`simulator ready after ${(Date.now() - t0) / 1000} s`);
  const before = process.memoryUsage();
  const cache = DefaultKubernetesInformerCache.fromConfig(
    new ConfigReader({ kubernetesInformerCache: { kubeconfig } }),
    {
      logger: {
        info: () => {},
        warn: (m: string) => console.warn(m),
        error: (m: string) => console.error(m),
        debug: () => {},
        child() {
          return this;
        },
      } as any,
    },
  );
  const t1 = Date.now();
  cache.register({ kinds: ['nodes', 'pods', 'deployments'], detail });
  await cache.ready();
  const synced = (Date.now() - t1) / 1000;
  (global as any).gc?.();
  const after = process.memoryUsage();
  const [state] = cache.listClusters();
  console.log(
    JSON.stringify(
      {
        detail,
        syncSeconds: synced,
        counts: Object.fromEntries(
          Object.entries(state.kinds ?? {}).map(([k, v]) => [k, v?.count]),
        ),
        stale: state.stale,
        rssBefore: mib(before.rss),
        rssAfter: mib(after.rss),
        heapUsedAfter: mib(after.heapUsed),
        externalAfter: mib(after.external),
      },
      null,
      2,
    ),
  );
  cache.stop();
  sim.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
