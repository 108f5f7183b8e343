import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createAuthStrategies,
  DefaultKubernetesInformerCache,
  kubernetesAuthStrategiesServiceRef,
  kubernetesInformerCacheServiceRef,
} from '@fdp/plugin-kubernetes-informer-cache-node';
import { startSimulator, RunningSimulator } from '@fdp/platform-sim';
import request from 'supertest';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import { kubernetesModuleInformerCache } from './module';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'trading-api',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'trading-api' },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-trading' },
};

/** A stand-in catalog answering the kubernetes backend's entity lookup. */
const fakeCatalog = createBackendPlugin({
  pluginId: 'catalog',
  register(env) {
    env.registerInit({
      deps: { http: coreServices.httpRouter },
      async init({ http }) {
        http.use((req, res, next) => {
          if (req.path === '/entities/by-name/component/default/trading-api') {
            res.json(entity);
          } else {
            next();
          }
        });
      },
    });
  },
});

function configData(sim: RunningSimulator) {
  return {
    kubernetes: {
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: [sim.backstageCluster],
        },
      ],
      customResources: [
        {
          group: 'autoscaling.k8s.io',
          apiVersion: 'v1',
          plural: 'verticalpodautoscalers',
        },
      ],
    },
  };
}

function sortByName(body: any): any {
  for (const item of body.items) {
    for (const r of item.resources) {
      r.resources.sort((a: any, b: any) =>
        a.metadata.name.localeCompare(b.metadata.name),
      );
    }
    item.podMetrics.sort((a: any, b: any) =>
      a.pod.metadata.name.localeCompare(b.pod.metadata.name),
    );
  }
  return body;
}

const lists = (sim: RunningSimulator) =>
  Object.entries(sim.stats().byEndpoint)
    .filter(([k]) => k.startsWith('list '))
    .reduce((sum, [, v]) => sum + v.requests, 0);

describe('kubernetes backend with the informer-cache module', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startSimulator({
      scenario: 'default',
      port: 0,
      clock: 'manual',
    });
  });
  afterAll(() => sim.stop());

  it('answers the Kubernetes tab exactly like the stock fetcher, without LISTs per request', async () => {
    const config = mockServices.rootConfig.factory({ data: configData(sim) });
    const stock = await startTestBackend({
      features: [kubernetesPlugin, fakeCatalog, config],
    });
    const cache = DefaultKubernetesInformerCache.fromConfig(
      mockServices.rootConfig({ data: configData(sim) }),
      { logger: mockServices.logger.mock() },
    );
    const metricsRound = new Promise<void>(resolve =>
      cache.subscribe(e => e.type === 'METRICS' && resolve()),
    );
    const cached = await startTestBackend({
      features: [
        kubernetesPlugin,
        kubernetesModuleInformerCache,
        fakeCatalog,
        config,
        createServiceFactory({
          service: kubernetesInformerCacheServiceRef,
          deps: {},
          factory: () => cache,
        }),
      ],
    });
    try {
      await cache.ready();
      await metricsRound;
      expect(cache.getCluster('fdp-cluster')).toMatchObject({
        synced: true,
        stale: false,
      });

      const post = (server: typeof stock) =>
        request(server.server)
          .post('/api/kubernetes/services/trading-api')
          .set('Authorization', mockCredentials.user.header())
          .send({ entity });

      const stockBefore = lists(sim);
      const stockRes = await post(stock);
      expect(stockRes.status).toBe(200);
      const stockLists = lists(sim) - stockBefore;

      const cachedBefore = lists(sim);
      const cachedRes = await post(cached);
      expect(cachedRes.status).toBe(200);
      // the first view of a service asks metrics.k8s.io for its pods once...
      expect(lists(sim) - cachedBefore).toBe(1);
      // ...then the cache's metrics rounds keep them: no request per view
      const cachedAgain = lists(sim);
      await post(cached);
      await post(cached);
      expect(lists(sim) - cachedAgain).toBe(0);
      // 13 kinds + the VPA + pods and pod metrics of the trading namespace
      expect(stockLists).toBe(16);

      // same order as the stock fetcher even before sorting
      expect(cachedRes.body).toEqual(stockRes.body);
      const body = sortByName(cachedRes.body);
      expect(body).toEqual(sortByName(stockRes.body));

      const [cluster] = body.items;
      expect(cluster.cluster).toEqual({ name: 'fdp-cluster' });
      expect(cluster.errors).toEqual([]);
      const of = (type: string) =>
        cluster.resources.find((r: any) => r.type === type).resources;
      expect(of('pods')).toHaveLength(3);
      expect(of('deployments').map((d: any) => d.metadata.name)).toEqual([
        'trading-api',
      ]);
      expect(of('horizontalpodautoscalers')).toHaveLength(1);
      expect(of('services')).toHaveLength(1);
      expect(of('customresources')[0]).toMatchObject({
        kind: 'VerticalPodAutoscaler',
        metadata: { name: 'trading-api-vpa' },
      });
      expect(cluster.podMetrics).toHaveLength(3);
      expect(cluster.podMetrics[0].cpu.currentUsage).toBeGreaterThan(0);
      // the order of types is the stock fetcher's
      expect(cluster.resources.map((r: any) => r.type)).toEqual(
        stockRes.body.items[0].resources.map((r: any) => r.type),
      );
    } finally {
      await cached.stop();
      await stock.stop();
    }
  });
  it('leaves the stock fetcher in place when serveKubernetesPlugin is false', async () => {
    const data = {
      ...configData(sim),
      kubernetesInformerCache: { serveKubernetesPlugin: false },
    };
    const cache = DefaultKubernetesInformerCache.fromConfig(
      mockServices.rootConfig({ data }),
      { logger: mockServices.logger.mock() },
    );
    const backend = await startTestBackend({
      features: [
        kubernetesPlugin,
        kubernetesModuleInformerCache,
        fakeCatalog,
        mockServices.rootConfig.factory({ data }),
        createServiceFactory({
          service: kubernetesInformerCacheServiceRef,
          deps: {},
          factory: () => cache,
        }),
      ],
    });
    try {
      const before = lists(sim);
      const res = await request(backend.server)
        .post('/api/kubernetes/services/trading-api')
        .set('Authorization', mockCredentials.user.header())
        .send({ entity });
      expect(res.status).toBe(200);
      expect(lists(sim) - before).toBe(16);
      // nothing registered with the cache, so it watches nothing
      expect(cache.listClusters().every(c => !c.synced)).toBe(true);
    } finally {
      await backend.stop();
      cache.stop();
    }
  });

  it('authenticates the official plugin with the same strategies as the cache (projected token, no token in config)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'module-sa-'));
    const tokenFile = path.join(dir, 'token');
    fs.writeFileSync(tokenFile, sim.token);
    const { serviceAccountToken: _, ...withoutToken } = sim.backstageCluster;
    const data = {
      ...configData(sim),
      kubernetes: {
        ...configData(sim).kubernetes,
        clusterLocatorMethods: [{ type: 'config', clusters: [withoutToken] }],
      },
      kubernetesInformerCache: { serveKubernetesPlugin: false },
    };
    const strategies = createAuthStrategies({
      config: mockServices.rootConfig({ data }),
      logger: mockServices.logger.mock(),
      serviceAccountTokenPath: tokenFile,
    });
    const backend = await startTestBackend({
      features: [
        kubernetesPlugin,
        kubernetesModuleInformerCache,
        fakeCatalog,
        mockServices.rootConfig.factory({ data }),
        createServiceFactory({
          service: kubernetesAuthStrategiesServiceRef,
          deps: {},
          factory: () => strategies,
        }),
      ],
    });
    try {
      const res = await request(backend.server)
        .post('/api/kubernetes/services/trading-api')
        .set('Authorization', mockCredentials.user.header())
        .send({ entity });
      expect(res.status).toBe(200);
      const [cluster] = res.body.items;
      expect(cluster.errors).toEqual([]);
      expect(
        cluster.resources.find((r: any) => r.type === 'pods').resources,
      ).toHaveLength(3);
    } finally {
      await backend.stop();
      fs.rmSync(dir, { recursive: true });
    }
  });
});
