/**
 * Credentials and CAs that change under a running cache: a restarted
 * simulator (same certificate, then a new one written to the caFile) and a
 * rotated projected service-account token are picked up by the same cache
 * instance, without restarting it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { startSimulator, RunningSimulator } from '@fdp/platform-sim';
import { createAuthStrategies } from '../auth/authStrategies';
import { DefaultKubernetesInformerCache } from './DefaultKubernetesInformerCache';

const fast = {
  backoff: { initialMs: 50, maxMs: 200 },
  metricsIntervalMs: 60_000,
};

async function waitFor<T>(
  check: () => T | undefined | false,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out: ${what}`);
    await new Promise(r => setTimeout(r, 25));
  }
}

/** Replaces a file the way the kubelet does: a new file renamed over it. */
function replaceFile(file: string, content: string) {
  fs.writeFileSync(`${file}.new`, content);
  fs.renameSync(`${file}.new`, file);
}

describe('credential and CA rotation', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'knc-rotation-'));
  let sim: RunningSimulator | undefined;
  let cache: DefaultKubernetesInformerCache | undefined;
  afterEach(async () => {
    cache?.stop();
    await sim?.stop();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true }));

  const healthy = () => {
    const state = cache!.getCluster('fdp-cluster')!;
    return state.synced && !state.stale && !state.error;
  };

  it('recovers when the simulator restarts with its certificate, and with a new one written to caFile', async () => {
    const tlsDir = path.join(dir, 'tls');
    const start = (port = 0) =>
      startSimulator({ clock: 'manual', rulesDir: false, tlsDir, port });
    sim = await start();
    const port = sim.port;
    const caFile = path.join(tlsDir, 'platform-sim-tls.crt');
    cache = DefaultKubernetesInformerCache.fromConfig(
      mockServices.rootConfig({
        data: {
          kubernetes: {
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: [
                  {
                    name: 'fdp-cluster',
                    url: sim.httpsUrl,
                    caFile,
                    authProvider: 'serviceAccount',
                    serviceAccountToken: sim.token,
                  },
                ],
              },
            ],
          },
        },
      }),
      { logger: mockServices.logger.mock(), settings: fast },
    );
    cache.register({ kinds: ['nodes'], detail: 'trimmed' });
    await cache.ready();
    expect(healthy()).toBe(true);

    // 1. restarted with the same certificate
    await sim.stop();
    await waitFor(() => cache!.getCluster('fdp-cluster')!.stale, 'stale');
    sim = await start(port);
    await waitFor(healthy, 'recovery with the same certificate');

    // 2. a new certificate: the CA file replaced, then the simulator restarted
    await sim.stop();
    await waitFor(() => cache!.getCluster('fdp-cluster')!.stale, 'stale');
    const oldCa = fs.readFileSync(caFile, 'utf8');
    fs.rmSync(caFile);
    fs.rmSync(path.join(tlsDir, 'platform-sim-tls.key'));
    sim = await start(port);
    expect(sim.caCert).not.toBe(oldCa);
    expect(fs.readFileSync(caFile, 'utf8')).toBe(sim.caCert);
    await waitFor(healthy, 'recovery with a new CA in caFile');
    expect(cache.list('fdp-cluster', 'nodes')).toHaveLength(7);
  }, 30_000);

  it('reads the projected token when config has none, and picks up its rotation', async () => {
    sim = await startSimulator({ clock: 'manual', rulesDir: false });
    const tokenFile = path.join(dir, 'token');
    fs.writeFileSync(tokenFile, `${sim.token}\n`);
    const config = mockServices.rootConfig({
      data: {
        kubernetes: {
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [
                {
                  name: 'fdp-cluster',
                  url: sim.httpsUrl,
                  caData: sim.backstageCluster.caData,
                  authProvider: 'serviceAccount',
                },
              ],
            },
          ],
        },
      },
    });
    const logger = mockServices.logger.mock();
    cache = DefaultKubernetesInformerCache.fromConfig(config, {
      logger,
      settings: fast,
      authStrategies: createAuthStrategies({
        config,
        logger,
        serviceAccountTokenPath: tokenFile,
      }),
    });
    cache.register({ kinds: ['nodes'], detail: 'trimmed' });
    await cache.ready();
    expect(healthy()).toBe(true);

    // the old token is revoked: watches end and reconnecting gets 401
    sim.setToken('rotated-token-2');
    const error = await waitFor(
      () => cache!.getCluster('fdp-cluster')!.error,
      '401 after the old token was revoked',
    );
    expect(error).toMatch(/401/);
    // the kubelet writes the new token: the same cache recovers
    replaceFile(tokenFile, 'rotated-token-2\n');
    await waitFor(healthy, 'recovery with the rotated token');
  }, 30_000);
});
