import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { startSimulator, RunningSimulator } from '@fdp/platform-sim';
import { kubernetesInformerCacheServiceRef } from './service';
import { KubernetesInformerCache } from './types';

describe('kubernetesInformerCacheServiceRef', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({
      scenario: 'default',
      port: 0,
      clock: 'manual',
    });
  });
  afterAll(() => sim.stop());

  it('gives every plugin the same cache, watching lazily until shutdown', async () => {
    const seen: KubernetesInformerCache[] = [];
    const consumer = (pluginId: string, register: boolean) =>
      createBackendPlugin({
        pluginId,
        register(env) {
          env.registerInit({
            deps: { cache: kubernetesInformerCacheServiceRef },
            async init({ cache }) {
              seen.push(cache);
              if (register) {
                cache.register({ kinds: ['nodes'], detail: 'trimmed' });
              }
            },
          });
        },
      });

    sim.resetStats();
    const backend = await startTestBackend({
      features: [
        consumer('first', false),
        consumer('second', true),
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: [sim.backstageCluster],
                },
              ],
            },
          },
        }),
      ],
    });
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(seen[1]);
    await seen[0].ready();
    expect(seen[0].list('fdp-cluster', 'nodes')).toHaveLength(7);
    expect(sim.stats().byEndpoint['list nodes'].requests).toBe(1);

    await backend.stop();
    const deadline = Date.now() + 5000;
    while (sim.stats().watches.active > 0 && Date.now() < deadline) {
      await new Promise(r => setTimeout(r, 20));
    }
    expect(sim.stats().watches.active).toBe(0);
  });
});
