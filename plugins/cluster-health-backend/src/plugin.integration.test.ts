/*
 * The cluster-health backend with the real shared informer cache, watching
 * the platform simulator over HTTPS as it would a real API server: the seed
 * pools, a node going NotReady, and a cluster outage that turns the data
 * stale and recovers without a crash.
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

describe('cluster-health with the informer cache and the simulator', () => {
  let sim: RunningSimulator;
  beforeEach(async () => {
    sim = await startSimulator({
      scenario: 'default',
      port: 0,
      clock: 'manual',
    });
  });
  afterEach(async () => {
    await sim.stop();
  });

  it('shows the seed pools, follows a NotReady node and survives an outage', async () => {
    const publish = jest.fn(async () => {});
    const { server } = await startTestBackend({
      features: [
        clusterHealthPlugin,
        createServiceFactory({
          service: signalsServiceRef,
          deps: {},
          factory: () => ({ publish }),
        }),
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: {
            clusterHealth: { debounceMs: 20 },
            kubernetesInformerCache: {
              metricsIntervalSeconds: 1,
              backoff: { initialMs: 100, maxMs: 500 },
            },
            kubernetes: {
              serviceLocatorMethod: { type: 'multiTenant' },
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
    const auth = { Authorization: mockCredentials.user.header() };
    const clusters = async () =>
      (await request(server).get('/api/cluster-health/clusters').set(auth))
        .body;

    // the three seed pools, with usage from the metrics API
    const synced = await eventually(async () => {
      const body = await clusters();
      const general = body[0]?.nodePools?.find(
        (p: any) => p.name === 'general',
      );
      return general?.nodes.total === 3 && general.cpu.usedPercent !== undefined
        ? body
        : undefined;
    }, 'initial sync with metrics');
    expect(synced[0]).toMatchObject({ name: 'fdp-cluster', stale: false });
    const pools = Object.fromEntries(
      synced[0].nodePools.map((p: any) => [p.name, p]),
    );
    expect(pools.general).toMatchObject({
      instanceType: 'c5.2xlarge',
      minSize: 3,
      maxSize: 10,
      nodes: { ready: 3 },
    });
    expect(pools['ai-inference']).toMatchObject({
      nodes: { total: 2 },
      gpus: { allocatable: 2 },
    });
    expect(pools['data-processing'].nodes.total).toBe(2);

    // a node goes NotReady: the pool turns critical (2 ready < min 3) and a signal goes out
    sim.trigger({
      type: 'nodeCondition',
      node: 'general-1',
      condition: 'Ready',
      status: 'False',
    } as any);
    const degraded = await eventually(async () => {
      const general = (await clusters())[0].nodePools.find(
        (p: any) => p.name === 'general',
      );
      return general.nodes.notReady === 1 ? general : undefined;
    }, 'NotReady node');
    expect(degraded.status).toBe('critical');
    expect(degraded.reasons.map((r: any) => r.code)).toContain(
      'READY_BELOW_MIN',
    );
    expect(publish).toHaveBeenCalledWith(
      expect.objectContaining({
        channel: 'cluster-health',
        message: expect.objectContaining({
          cluster: 'fdp-cluster',
          pools: expect.arrayContaining(['general']),
        }),
      }),
    );

    // the API server goes away: stale with a message, last data kept
    sim.setOutage(true);
    const stale = await eventually(async () => {
      const body = await clusters();
      return body[0].stale ? body[0] : undefined;
    }, 'stale cluster');
    expect(stale.status).toBe('unknown');
    expect(stale.reasons[0].code).toBe('CLUSTER_STALE');
    expect(stale.error).toBeTruthy();
    expect(
      stale.nodePools.find((p: any) => p.name === 'general').nodes.notReady,
    ).toBe(1);

    // and recovers when it returns
    sim.setOutage(false);
    const recovered = await eventually(async () => {
      const body = await clusters();
      return body[0].stale ? undefined : body[0];
    }, 'recovery');
    expect(recovered.status).not.toBe('unknown');
  });
});
