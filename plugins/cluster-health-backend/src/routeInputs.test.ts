/*
 * Every route of /api/cluster-health against malformed input: each answer is
 * a 4xx whose message names what is wrong, never a 5xx; and a failing
 * cluster is named in responses while its API server and raw error only
 * reach the log.
 */
import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { kubernetesInformerCacheServiceRef } from '@fdp/plugin-kubernetes-informer-cache-node';
import request from 'supertest';
import { clusterHealthPlugin } from './plugin';
import { FakeInformerCache } from '@fdp/plugin-kubernetes-informer-cache-node/testUtils';
import { node } from './testing/objects';

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

async function start() {
  const cache = new FakeInformerCache();
  cache.addCluster('fdp-cluster');
  cache.put('fdp-cluster', 'nodes', node('general-1', 'general'));
  const logger = mockServices.logger.mock();
  const { server } = await startTestBackend({
    features: [
      clusterHealthPlugin,
      logger.factory,
      createServiceFactory({
        service: kubernetesInformerCacheServiceRef,
        deps: {},
        factory: () => cache,
      }),
      createServiceFactory({
        service: signalsServiceRef,
        deps: {},
        factory: () => ({ publish: async () => {} }),
      }),
      catalogServiceMock.factory({ entities: [tradingApi] }),
      mockServices.rootConfig.factory({
        data: { clusterHealth: { debounceMs: 5 } },
      }),
    ],
  });
  return { server, cache, logger };
}

const auth = { Authorization: mockCredentials.user.header() };
/** 10,000 characters, for `HUGE` in a path */
const HUGE = 'x'.repeat(10_000);
const base = '/api/cluster-health';

describe('cluster-health routes', () => {
  it.each([
    // GET /clusters
    [
      '/clusters?cluster=fdp-cluster',
      "Unrecognized key(s) in object: 'cluster'",
    ],
    ['/clusters?a[b][c][d]=1', "Unrecognized key(s) in object: 'a'"],
    // GET /clusters/:cluster/node-pools
    [
      '/clusters/fdp-cluster/node-pools?pool=general',
      "Unrecognized key(s) in object: 'pool'",
    ],
    ['/clusters/fdp%00/node-pools', 'control characters at "cluster"'],
    ['/clusters/HUGE/node-pools', 'at most 253 character(s) at "cluster"'],
    // GET /clusters/:cluster/node-pools/:pool/nodes
    [
      '/clusters/fdp-cluster/node-pools/general/nodes?limit=5',
      "Unrecognized key(s) in object: 'limit'",
    ],
    [
      '/clusters/fdp-cluster/node-pools/gen%00eral/nodes',
      'control characters at "pool"',
    ],
    [
      '/clusters/fdp-cluster/node-pools/HUGE/nodes',
      'at most 253 character(s) at "pool"',
    ],
    // GET /workloads
    [
      '/workloads',
      'Required, e.g. component:default/trading-api at "entityRef"',
    ],
    [
      '/workloads?entityRef=component:trading-api&cluster=x',
      "Unrecognized key(s) in object: 'cluster'",
    ],
    [
      '/workloads?entityRef=a&entityRef=b',
      'Expected string, received array at "entityRef"',
    ],
    [
      '/workloads?entityRef[a][b][c][d][e][f]=1',
      'Expected string, received object at "entityRef"',
    ],
    [
      '/workloads?entityRef=component:trading%00api',
      'control characters at "entityRef"',
    ],
    [
      '/workloads?entityRef=component:HUGE',
      'at most 512 character(s) at "entityRef"',
    ],
    ['/workloads?entityRef=trading-api', 'at "entityRef"'],
  ])('GET %s is a 400 naming the field', async (path, message) => {
    const { server } = await start();
    const res = await request(server)
      .get(`${base}${path.replace('HUGE', HUGE)}`)
      .set(auth);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(message),
    });
    expect(res.body.error.stack).toBeUndefined();
  });

  it("names a failing cluster, not its API server or the cache's error; the log has them", async () => {
    const { server, cache, logger } = await start();
    const raw =
      '10.20.30.40:6443: nodes: connect ECONNREFUSED 10.20.30.40:6443';
    cache.setClusterState('fdp-cluster', { stale: true, error: raw });
    await new Promise(r => setTimeout(r, 50));
    const responses = await Promise.all(
      [
        '/clusters',
        '/clusters/fdp-cluster/node-pools',
        '/clusters/fdp-cluster/node-pools/general/nodes',
        '/workloads?entityRef=component:trading-api',
      ].map(path => request(server).get(`${base}${path}`).set(auth)),
    );
    for (const res of responses) {
      expect(res.status).toBe(200);
      expect(res.text).not.toMatch(/10\.20\.30\.40|6443|ECONNREFUSED/);
    }
    const [clusters, , , workloads] = responses;
    const failing = "cluster 'fdp-cluster': watch failing";
    expect(clusters.body[0].error).toContain(failing);
    expect(clusters.body[0].reasons[0].message).toContain(failing);
    expect(workloads.body.errors).toEqual([
      {
        cluster: 'fdp-cluster',
        message: expect.stringContaining(failing),
      },
    ]);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining(raw));
    // once per change, not per request
    expect(
      logger.warn.mock.calls.filter(([m]) => String(m).includes(raw)),
    ).toHaveLength(1);
  });
});
