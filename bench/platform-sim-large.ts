/* eslint-disable no-console */
/**
 * Measures the large scenario: start-up (load + schedule) time, memory, and the time and
 * size of a full `LIST /api/v1/pods`. Run:
 *   node -r @backstage/cli/config/nodeTransform.cjs bench/platform-sim-large.ts
 */
import { execFileSync } from 'node:child_process';
import { startSimulator } from '../packages/platform-sim/src/simulator';

async function main() {
  const t0 = Date.now();
  const sim = await startSimulator({ scenario: 'large', clock: 'manual' });
  const startMs = Date.now() - t0;
  const pods = sim.sim.store.count('pods');
  const nodes = sim.sim.store.count('nodes');
  const pending = [...sim.sim.store.values('pods')].filter(
    e => !e.obj.spec.nodeName,
  ).length;
  console.log(
    `start: ${startMs} ms, ${nodes} nodes, ${pods} pods (${pending} pending), heap ${Math.round(
      process.memoryUsage().heapUsed / 2 ** 20,
    )} MiB`,
  );
  // an out-of-process client (curl), so client parsing does not share the server's event loop
  const curlList = () =>
    new Promise<string>((resolve, reject) => {
      const { execFile } =
        require('node:child_process') as typeof import('node:child_process');
      execFile(
        'curl',
        [
          '-s',
          '-o',
          '/dev/null',
          '-w',
          '%{time_total} s, %{size_download} bytes, status %{http_code}',
          '-H',
          `Authorization: Bearer ${sim.token}`,
          `${sim.url}/api/v1/pods`,
        ],
        (err, out) => (err ? reject(err) : resolve(out)),
      );
    });
  let haveCurl = true;
  try {
    execFileSync('curl', ['--version'], { stdio: 'ignore' });
  } catch {
    haveCurl = false;
  }
  for (let i = 1; haveCurl && i <= 3; i++) {
    console.log(`LIST /api/v1/pods (curl) #${i}: ${await curlList()}`);
  }
  for (let i = 1; !haveCurl && i <= 2; i++) {
    const t = Date.now();
    const res = await fetch(`${sim.url}/api/v1/pods`, {
      headers: { Authorization: `Bearer ${sim.token}` },
    });
    const body = await res.arrayBuffer();
    const ms = Date.now() - t;
    console.log(
      `LIST /api/v1/pods (in-process fetch) #${i}: ${ms} ms, ${(
        body.byteLength /
        2 ** 20
      ).toFixed(1)} MiB, status ${res.status}`,
    );
  }
  const t = Date.now();
  const page = await (
    await fetch(`${sim.url}/api/v1/pods?limit=500`, {
      headers: { Authorization: `Bearer ${sim.token}` },
    })
  ).json();
  console.log(
    `LIST /api/v1/pods?limit=500: ${Date.now() - t} ms, ${
      page.items.length
    } items, remaining ${page.metadata.remainingItemCount}`,
  );
  const t2 = Date.now();
  const nodeList = await (
    await fetch(`${sim.url}/api/v1/nodes`, {
      headers: { Authorization: `Bearer ${sim.token}` },
    })
  ).json();
  console.log(
    `LIST /api/v1/nodes: ${Date.now() - t2} ms, ${nodeList.items.length} items`,
  );
  const t3 = Date.now();
  const metrics = await (await fetch(`${sim.url}/metrics`)).text();
  console.log(
    `GET /metrics: ${Date.now() - t3} ms, ${(metrics.length / 1024).toFixed(
      0,
    )} KiB`,
  );
  const t4 = Date.now();
  sim.advance(600);
  console.log(`advance(600 s): ${Date.now() - t4} ms`);
  console.log(
    `heap ${Math.round(
      process.memoryUsage().heapUsed / 2 ** 20,
    )} MiB, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`,
  );
  await sim.stop();
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
