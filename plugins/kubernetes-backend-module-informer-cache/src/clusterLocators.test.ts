import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import type { AuthenticationStrategy } from '@backstage/plugin-kubernetes-node';
import {
  createAuthStrategies,
  kubernetesAuthStrategiesServiceRef,
  kubernetesInformerCacheServiceRef,
  KubernetesInformerCache,
} from '@fdp/plugin-kubernetes-informer-cache-node';
import { startSimulator, RunningSimulator } from '@fdp/platform-sim';
import { kubernetesModuleInformerCache } from './module';

/** A cluster Resource as the official catalog locator finds it. */
function clusterResource(sim: RunningSimulator) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'catalog-cluster',
      namespace: 'default',
      annotations: {
        'kubernetes.io/api-server': sim.backstageCluster.url,
        'kubernetes.io/api-server-certificate-authority':
          sim.backstageCluster.caData,
        'kubernetes.io/auth-provider': 'simToken',
      },
    },
    spec: { type: 'kubernetes-cluster', owner: 'team-platform' },
  };
}

async function waitFor<T>(check: () => T | undefined | false): Promise<T> {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise(r => setTimeout(r, 50));
  }
}

describe('clusters from the official plugin’s locators', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({
      scenario: 'default',
      port: 0,
      clock: 'manual',
    });
  });
  afterAll(() => sim.stop());

  it('watches a catalog-located cluster, next to a gke locator that fails', async () => {
    // catalog clusters cannot carry a token (the locator drops it): a
    // server-side strategy of our own stands for e.g. aws or azure here
    const simToken: AuthenticationStrategy = {
      getCredential: async () => ({ type: 'bearer token', token: sim.token }),
      validateCluster: () => [],
      presentAuthMetadata: () => ({}),
    };
    let cache: KubernetesInformerCache | undefined;
    const consumer = createBackendPlugin({
      pluginId: 'consumer',
      register(env) {
        env.registerInit({
          deps: { c: kubernetesInformerCacheServiceRef },
          async init({ c }) {
            cache = c;
            c.register({ kinds: ['nodes'], detail: 'trimmed' });
          },
        });
      },
    });
    const backend = await startTestBackend({
      features: [
        kubernetesPlugin,
        kubernetesModuleInformerCache,
        consumer,
        catalogServiceMock.factory({ entities: [clusterResource(sim)] }),
        createServiceFactory({
          service: kubernetesAuthStrategiesServiceRef,
          deps: { config: coreServices.rootConfig },
          factory: ({ config }) =>
            new Map([
              ...createAuthStrategies({
                config,
                logger: mockServices.logger.mock(),
              }),
              ['simToken', simToken],
            ]),
        }),
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              serviceLocatorMethod: { type: 'multiTenant' },
              clusterLocatorContinueOnError: true,
              clusterLocatorMethods: [
                { type: 'catalog', dangerouslyAllowClusterUrls: ['127.0.0.1'] },
                {
                  type: 'gke',
                  projectId: 'fdp-test',
                  region: 'asia-northeast3',
                },
              ],
            },
          },
        }),
      ],
    });
    try {
      const state = await waitFor(() => {
        const s = cache?.getCluster('catalog-cluster');
        return s?.synced && s;
      });
      expect(state).toMatchObject({
        authProvider: 'simToken',
        url: sim.backstageCluster.url,
        watched: true,
        stale: false,
      });
      expect(cache!.list('catalog-cluster', 'nodes')).toHaveLength(7);
      // no config locator: the simulator is known only through the catalog
      expect(cache!.listClusters().map(c => c.name)).toEqual([
        'catalog-cluster',
      ]);
    } finally {
      await backend.stop();
    }
  }, 60_000);
});
