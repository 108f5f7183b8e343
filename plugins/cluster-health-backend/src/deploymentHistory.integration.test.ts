/*
 * GET /deployments/history with the real shared informer cache watching the
 * platform simulator: the default scenario's trading-api (revision 1), a
 * new image (revision 2, the first scaled to zero), then the first image
 * again (a rollback: its ReplicaSet becomes revision 3, as in Kubernetes).
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { RunningSimulator, startSimulator } from '@fdp/platform-sim';
import request from 'supertest';
import { clusterHealthPlugin } from './plugin';

jest.setTimeout(60_000);

async function eventually<T>(
  fn: () => Promise<T | undefined>,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 100));
  }
}

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
const noCluster = {
  ...tradingApi,
  metadata: { name: 'docs', namespace: 'default' },
};

describe('GET /deployments/history against the simulator', () => {
  let sim: RunningSimulator;
  beforeEach(async () => {
    sim = await startSimulator({ scenario: 'default', port: 0 });
  });
  afterEach(async () => {
    await sim.stop();
  });

  async function kube(method: string, path: string, body: object) {
    const res = await fetch(`${sim.url}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${sim.token}`,
        'Content-Type':
          method === 'PATCH'
            ? 'application/strategic-merge-patch+json'
            : 'application/json',
      },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status}`);
  }

  const deploymentPath =
    '/apis/apps/v1/namespaces/trading/deployments/trading-api';
  /** A new image for the first container, as `kubectl set image` does. */
  const setImage = async (image: string) => {
    const res = await fetch(`${sim.url}${deploymentPath}`, {
      headers: { Authorization: `Bearer ${sim.token}` },
    });
    const { name } = (await res.json()).spec.template.spec.containers[0];
    await kube('PATCH', deploymentPath, {
      spec: { template: { spec: { containers: [{ name, image }] } } },
    });
  };

  it('lists each revision with its images, newest first, the newest current', async () => {
    const { server } = await startTestBackend({
      features: [
        clusterHealthPlugin,
        createServiceFactory({
          service: signalsServiceRef,
          deps: {},
          factory: () => ({ publish: async () => {} }),
        }),
        catalogServiceMock.factory({ entities: [tradingApi, noCluster] }),
        mockServices.rootConfig.factory({
          data: {
            clusterHealth: { debounceMs: 20 },
            kubernetes: {
              serviceLocatorMethod: { type: 'multiTenant' },
              clusterLocatorMethods: [
                { type: 'config', clusters: [sim.backstageCluster] },
              ],
            },
          },
        }),
      ],
    });
    const auth = { Authorization: mockCredentials.user.header() };
    const history = async (query: string) =>
      request(server)
        .get(`/api/cluster-health/deployments/history?${query}`)
        .set(auth);
    const revisions = async () =>
      (await history('entityRef=component:default/trading-api')).body
        .deployments?.[0]?.revisions ?? [];

    const first = await eventually(async () => {
      const r = await revisions();
      return r[0]?.replicas.ready > 0 ? r : undefined;
    }, 'revision 1 ready');
    expect(first).toEqual([
      {
        revision: 1,
        replicaSet: expect.stringMatching(/^trading-api-/),
        images: [expect.any(String)],
        createdAt: expect.any(String),
        replicas: {
          desired: first[0].replicas.ready,
          ready: expect.any(Number),
        },
        current: true,
      },
    ]);
    const [original] = first[0].images;

    await setImage('trading-api:9.9.9');
    const second = await eventually(async () => {
      const r = await revisions();
      return r.length === 2 && r[1].replicas.desired === 0 ? r : undefined;
    }, 'revision 2');
    expect(second.map((r: any) => [r.revision, r.images, r.current])).toEqual([
      [2, ['trading-api:9.9.9'], true],
      [1, [original], false],
    ]);

    // a rollback reuses the first ReplicaSet as revision 3
    await setImage(original);
    const third = await eventually(async () => {
      const r = await revisions();
      return r[0]?.revision === 3 ? r : undefined;
    }, 'rollback');
    expect(third.map((r: any) => [r.revision, r.images, r.current])).toEqual([
      [3, [original], true],
      [2, ['trading-api:9.9.9'], false],
    ]);
    expect(third[0].replicaSet).toBe(first[0].replicaSet);

    const body = (
      await history('entityRef=component:default/trading-api&limit=1')
    ).body;
    expect(body).toEqual({
      entityRef: 'component:default/trading-api',
      deployments: [
        {
          cluster: sim.cluster,
          namespace: 'trading',
          name: 'trading-api',
          revisions: [expect.objectContaining({ revision: 3 })],
        },
      ],
      errors: [],
    });

    // an entity without Kubernetes annotations has none; unknown is a 404, bad input a 400
    expect((await history('entityRef=component:default/docs')).body).toEqual({
      entityRef: 'component:default/docs',
      deployments: [],
      errors: [],
    });
    expect((await history('entityRef=component:default/nope')).status).toBe(
      404,
    );
    const bad = await history(
      'entityRef=component:default/trading-api&limit=x',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('at "limit"');
  });
});
