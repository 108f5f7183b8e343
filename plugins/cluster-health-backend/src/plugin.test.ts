import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { kubernetesInformerCacheServiceRef } from '@fdp/plugin-kubernetes-informer-cache-node';
import request from 'supertest';
import { clusterHealthPlugin } from './plugin';
import { FakeInformerCache } from '@fdp/plugin-kubernetes-informer-cache-node/testUtils';
import { node, pod } from './testing/objects';

const tradingApi = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'trading-api',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'trading-api' },
  },
  spec: { type: 'service', owner: 'trading-team', lifecycle: 'production' },
};
const bySelector = (name: string, selector: string) => ({
  ...tradingApi,
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-label-selector': selector },
  },
});
const website = {
  ...tradingApi,
  metadata: { name: 'fdp-portal', namespace: 'default' },
};

function seed(cache: FakeInformerCache) {
  cache.addCluster('fdp-cluster');
  for (const n of ['general-1', 'general-2', 'general-3']) {
    cache.put('fdp-cluster', 'nodes', node(n, 'general'));
  }
  const labels = {
    'backstage.io/kubernetes-id': 'trading-api',
    app: 'trading-api',
  };
  for (const [i, n] of ['general-1', 'general-2', 'general-3'].entries()) {
    cache.put(
      'fdp-cluster',
      'pods',
      pod(`trading-api-${i}`, { node: n, labels }),
    );
  }
  cache.put('fdp-cluster', 'deployments', {
    metadata: { name: 'trading-api', namespace: 'trading', labels },
    spec: {
      replicas: 3,
      template: {
        spec: {
          containers: [
            {
              name: 'trading-api',
              resources: { requests: { cpu: '1', memory: '2Gi' } },
            },
          ],
        },
      },
    },
    status: { readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3 },
  });
  cache.put('fdp-cluster', 'horizontalpodautoscalers', {
    metadata: { name: 'trading-api-hpa', namespace: 'trading', labels },
    spec: {
      minReplicas: 3,
      maxReplicas: 10,
      scaleTargetRef: { kind: 'Deployment', name: 'trading-api' },
      metrics: [
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            target: { type: 'Utilization', averageUtilization: 70 },
          },
        },
      ],
    },
    status: { currentReplicas: 3, desiredReplicas: 3 },
  });
  cache.put('fdp-cluster', 'verticalpodautoscalers', {
    metadata: { name: 'trading-api-vpa', namespace: 'trading', labels },
    spec: {
      targetRef: { kind: 'Deployment', name: 'trading-api' },
      updatePolicy: { updateMode: 'Auto' },
    },
  });
}

async function start(options: { deny?: boolean } = {}) {
  const cache = new FakeInformerCache();
  seed(cache);
  const publish = jest.fn(async () => {});
  const { server } = await startTestBackend({
    features: [
      clusterHealthPlugin,
      createServiceFactory({
        service: kubernetesInformerCacheServiceRef,
        deps: {},
        factory: () => cache,
      }),
      createServiceFactory({
        service: signalsServiceRef,
        deps: {},
        factory: () => ({ publish }),
      }),
      catalogServiceMock.factory({
        entities: [
          tradingApi,
          website,
          bySelector('selected', 'app in (trading-api,other),!canary'),
          bySelector('broken', 'app in trading-api'),
        ],
      }),
      mockServices.rootConfig.factory({
        data: { clusterHealth: { debounceMs: 5 } },
      }),
      ...(options.deny
        ? [
            mockServices.permissions.mock({
              authorize: async () => [{ result: AuthorizeResult.DENY }],
            }).factory,
          ]
        : []),
    ],
  });
  return { server, cache, publish };
}

const auth = { Authorization: mockCredentials.user.header() };

describe('cluster-health backend', () => {
  it('lists clusters with their pools', async () => {
    const { server, cache } = await start();
    const res = await request(server)
      .get('/api/cluster-health/clusters')
      .set(auth);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1);
    expect(res.body[0]).toMatchObject({
      name: 'fdp-cluster',
      stale: false,
      lastSyncAt: '2026-11-21T10:00:00.000Z',
      thresholds: { cpu: { warning: 70, critical: 85 } },
    });
    expect(res.body[0].nodePools.map((p: any) => p.name)).toEqual([
      'general',
      'ai-inference',
      'data-processing',
    ]);
    expect(cache.interests[0]).toEqual({
      kinds: [
        'nodes',
        'pods',
        'deployments',
        'replicasets',
        'horizontalpodautoscalers',
        'verticalpodautoscalers',
      ],
      detail: 'trimmed',
      metrics: true,
    });
  });

  it('serves pools and node rows, with 404s naming what is unknown', async () => {
    const { server } = await start();
    const pools = await request(server)
      .get('/api/cluster-health/clusters/fdp-cluster/node-pools')
      .set(auth);
    expect(pools.body[0]).toMatchObject({
      name: 'general',
      nodes: { total: 3, ready: 3 },
      cpu: { allocatable: 24000, requested: 3000 },
    });
    const nodes = await request(server)
      .get('/api/cluster-health/clusters/fdp-cluster/node-pools/general/nodes')
      .set(auth);
    expect(nodes.body.map((n: any) => [n.name, n.pods])).toEqual([
      ['general-1', 1],
      ['general-2', 1],
      ['general-3', 1],
    ]);
    const noCluster = await request(server)
      .get('/api/cluster-health/clusters/nope/node-pools')
      .set(auth);
    expect(noCluster.status).toBe(404);
    expect(noCluster.body.error).toMatchObject({
      name: 'NotFoundError',
      message: "No cluster named 'nope'",
    });
    const noPool = await request(server)
      .get('/api/cluster-health/clusters/fdp-cluster/node-pools/gpu/nodes')
      .set(auth);
    expect(noPool.status).toBe(404);
    expect(noPool.body.error.message).toBe(
      "No node pool named 'gpu' in cluster 'fdp-cluster'",
    );
  });

  it('follows any selector of backstage.io/kubernetes-label-selector, and names a broken one in a 400', async () => {
    const { server } = await start();
    const selected = await request(server)
      .get('/api/cluster-health/workloads?entityRef=component:default/selected')
      .set(auth);
    expect(selected.status).toBe(200);
    expect(selected.body.workloads.map((w: any) => w.name)).toEqual([
      'trading-api',
    ]);
    const broken = await request(server)
      .get('/api/cluster-health/workloads?entityRef=component:default/broken')
      .set(auth);
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toMatch(
      /^Invalid backstage.io\/kubernetes-label-selector of the entity: /,
    );
  });

  it("serves an entity's workloads with HPA and VPA health", async () => {
    const { server } = await start();
    const res = await request(server)
      .get(
        '/api/cluster-health/workloads?entityRef=component:default/trading-api',
      )
      .set(auth);
    expect(res.status).toBe(200);
    expect(res.body.entityRef).toBe('component:default/trading-api');
    expect(res.body.errors).toEqual([]);
    expect(res.body.workloads).toHaveLength(1);
    expect(res.body.workloads[0]).toMatchObject({
      cluster: 'fdp-cluster',
      namespace: 'trading',
      name: 'trading-api',
      replicas: { desired: 3, ready: 3 },
      hpa: { name: 'trading-api-hpa', minReplicas: 3, maxReplicas: 10 },
      vpa: { name: 'trading-api-vpa', updateMode: 'Auto' },
      status: 'warning',
    });
    // the documented manifests' conflict, in the words of the manifests lint
    expect(res.body.workloads[0].reasons).toEqual([
      {
        code: 'HPA_AND_VPA_ON_CPU',
        severity: 'warning',
        message:
          'HPA trading-api-hpa scales on CPU while VPA trading-api-vpa (Auto) also sets CPU requests: they work against each other',
      },
    ]);
    const none = await request(server)
      .get(
        '/api/cluster-health/workloads?entityRef=component:default/fdp-portal',
      )
      .set(auth);
    expect(none.body).toEqual({
      entityRef: 'component:default/fdp-portal',
      workloads: [],
      errors: [],
    });
  });

  it('answers bad entity refs with 400 and unknown entities with 404', async () => {
    const { server } = await start();
    const missing = await request(server)
      .get('/api/cluster-health/workloads')
      .set(auth);
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBe(
      'Invalid workloads query: Required, e.g. component:default/trading-api at "entityRef"',
    );
    const bad = await request(server)
      .get('/api/cluster-health/workloads?entityRef=trading-api')
      .set(auth);
    expect(bad.status).toBe(400);
    expect(bad.body.error.name).toBe('InputError');
    const unknown = await request(server)
      .get('/api/cluster-health/workloads?entityRef=component:default/nope')
      .set(auth);
    expect(unknown.status).toBe(404);
  });

  it('requires a signed-in caller and the read permission', async () => {
    const { server } = await start();
    const anonymous = await request(server)
      .get('/api/cluster-health/clusters')
      .set({ Authorization: mockCredentials.none.header() });
    expect(anonymous.status).toBe(401);
    const denied = await start({ deny: true });
    const res = await request(denied.server)
      .get('/api/cluster-health/clusters')
      .set(auth);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'Missing permission cluster-health.cluster.read',
    );
  });

  it('publishes a signal when a node goes NotReady, and reports stale clusters', async () => {
    const { server, cache, publish } = await start();
    cache.put(
      'fdp-cluster',
      'nodes',
      node('general-2', 'general', { ready: false }),
    );
    await new Promise(r => setTimeout(r, 50));
    expect(publish).toHaveBeenCalledWith({
      recipients: { type: 'broadcast' },
      channel: 'cluster-health',
      message: expect.objectContaining({
        type: 'snapshot-changed',
        cluster: 'fdp-cluster',
        pools: ['general'],
        status: 'critical',
      }),
    });
    cache.setClusterState('fdp-cluster', {
      stale: true,
      error: 'connect ECONNREFUSED 127.0.0.1:6443',
    });
    await new Promise(r => setTimeout(r, 50));
    const res = await request(server)
      .get('/api/cluster-health/clusters')
      .set(auth);
    expect(res.body[0]).toMatchObject({
      stale: true,
      status: 'unknown',
      reasons: [{ code: 'CLUSTER_STALE' }],
    });
    // last good data is still served
    expect(res.body[0].nodePools[0].nodes.notReady).toBe(1);
  });

  it('follows per-object events and does not re-read the cache when a cluster syncs', async () => {
    const { server, cache } = await start();
    const list = jest.spyOn(cache, 'list');
    cache.emit({ type: 'SYNCED', cluster: 'fdp-cluster' });
    cache.emit({ type: 'SYNCED', cluster: 'fdp-cluster', kind: 'pods' });
    cache.put(
      'fdp-cluster',
      'pods',
      pod('late', { node: 'general-3', cpu: '2' }),
    );
    await new Promise(r => setTimeout(r, 50));
    const pools = await request(server)
      .get('/api/cluster-health/clusters/fdp-cluster/node-pools')
      .set(auth);
    expect(pools.body[0].cpu.requested).toBe(5000);
    expect(list.mock.calls.filter(([, kind]) => kind === 'pods')).toEqual([]);
  });

  it('reports a cluster whose first lists still run as unknown, then its real status', async () => {
    const { server, cache } = await start();
    const kind = (synced: boolean) => ({
      synced,
      stale: false,
      detail: 'trimmed' as const,
      count: 0,
    });
    cache.clusters.set('fdp-cluster', {
      ...cache.clusters.get('fdp-cluster')!,
      kinds: { nodes: kind(true), pods: kind(false) },
    });
    cache.emit({ type: 'SYNCED', cluster: 'fdp-cluster', kind: 'nodes' });
    await new Promise(r => setTimeout(r, 50));
    const during = await request(server)
      .get('/api/cluster-health/clusters')
      .set(auth);
    expect(during.body[0]).toMatchObject({
      status: 'unknown',
      syncing: ['pods'],
      reasons: [{ code: 'CLUSTER_SYNCING' }],
    });
    // pools are shown meanwhile
    expect(during.body[0].nodePools.map((p: any) => p.name)).toContain(
      'general',
    );

    cache.clusters.set('fdp-cluster', {
      ...cache.clusters.get('fdp-cluster')!,
      kinds: { nodes: kind(true), pods: kind(true) },
    });
    cache.emit({ type: 'SYNCED', cluster: 'fdp-cluster', kind: 'pods' });
    await new Promise(r => setTimeout(r, 50));
    const after = await request(server)
      .get('/api/cluster-health/clusters')
      .set(auth);
    expect(after.body[0].syncing).toBeUndefined();
    // the seed's other pools have no nodes here: judged on the data now
    expect(after.body[0].status).toBe('critical');
    expect(after.body[0].reasons.map((r: any) => r.code)).not.toContain(
      'CLUSTER_SYNCING',
    );
  });

  it('tags node pools with an ETag that changes with the snapshot, and answers 304 while unchanged', async () => {
    const { server, cache } = await start();
    const url = '/api/cluster-health/clusters/fdp-cluster/node-pools';
    const first = await request(server).get(url).set(auth);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await request(server)
      .get(url)
      .set(auth)
      .set('If-None-Match', etag);
    expect(again.status).toBe(304);

    cache.put('fdp-cluster', 'nodes', node('general-4', 'general'));
    await new Promise(r => setTimeout(r, 50));
    const changed = await request(server)
      .get(url)
      .set(auth)
      .set('If-None-Match', etag);
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.body[0].nodes.total).toBe(4);
    // no credentials, no snapshot: the 401 comes before any caching
    const anonymous = await request(server)
      .get(url)
      .set({ Authorization: mockCredentials.none.header() })
      .set('If-None-Match', etag);
    expect(anonymous.status).toBe(401);
  });
});
