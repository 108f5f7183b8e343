import { mockServices } from '@backstage/backend-test-utils';
import { startSimulator, RunningSimulator } from '@fdp/platform-sim';
import type { ClusterDetails } from '@backstage/plugin-kubernetes-node';
import { createAuthStrategies } from '../auth/authStrategies';
import { DefaultKubernetesInformerCache } from './DefaultKubernetesInformerCache';
import { CacheEvent } from '../types';

const fast = {
  backoff: { initialMs: 50, maxMs: 200 },
  metricsIntervalMs: 60_000,
};

function configFor(
  sim: RunningSimulator,
  extra: object[] = [],
  nodeCache: object = {},
) {
  return mockServices.rootConfig({
    data: {
      kubernetesInformerCache: nodeCache,
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [sim.backstageCluster, ...extra],
          },
        ],
      },
    },
  });
}

async function waitFor<T>(
  check: () => T | undefined | false,
  timeoutMs = 10_000,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise(r => setTimeout(r, 20));
  }
}

describe('DefaultKubernetesInformerCache against the simulator', () => {
  let sim: RunningSimulator;
  const caches: DefaultKubernetesInformerCache[] = [];
  const make = (extra: object[] = [], settings = {}, nodeCache = {}) => {
    const cache = DefaultKubernetesInformerCache.fromConfig(
      configFor(sim, extra, nodeCache),
      {
        logger: mockServices.logger.mock(),
        settings: { ...fast, ...settings },
      },
    );
    caches.push(cache);
    return cache;
  };

  beforeAll(async () => {
    sim = await startSimulator({
      scenario: 'default',
      port: 0,
      clock: 'manual',
    });
  });
  afterEach(() => {
    caches.splice(0).forEach(c => c.stop());
  });
  afterAll(() => sim.stop());

  it('does not watch before register() and syncs nodes and pods after it', async () => {
    const cache = make();
    await cache.ready();
    expect(sim.stats().byEndpoint['list nodes']).toBeUndefined();
    expect(cache.getCluster('fdp-cluster')).toMatchObject({
      synced: false,
      stale: false,
      watched: true,
    });

    cache.register({ kinds: ['nodes', 'pods'], detail: 'trimmed' });
    await cache.ready();
    const state = cache.getCluster('fdp-cluster')!;
    expect(state).toMatchObject({ synced: true, stale: false });
    expect(state.lastSyncAt).toBeDefined();
    expect(cache.list('fdp-cluster', 'nodes')).toHaveLength(7);
    const pods = cache.list('fdp-cluster', 'pods', {
      namespace: 'trading',
      labelSelector: { 'backstage.io/kubernetes-id': 'trading-api' },
    });
    expect(pods).toHaveLength(3);
    expect(
      cache.list('fdp-cluster', 'pods', {
        labelSelector: 'backstage.io/kubernetes-id in (trading-api)',
      }),
    ).toHaveLength(3);
    // trimmed: no image, no managedFields, but resources and node placement
    const pod = pods[0];
    expect(pod.spec.nodeName).toMatch(/^general-/);
    expect(pod.spec.containers[0]).toEqual({
      name: 'trading-api',
      resources: expect.objectContaining({ requests: expect.any(Object) }),
    });
    expect(pod.spec.containers[0].image).toBeUndefined();
    expect(pod.metadata.managedFields).toBeUndefined();
    expect(pod.status.phase).toBe('Running');
  });

  it('delivers a node condition change as a MODIFIED event reflected in get()', async () => {
    const cache = make();
    const events: CacheEvent[] = [];
    cache.subscribe(e => events.push(e));
    cache.register({ kinds: ['nodes'], detail: 'trimmed' });
    await cache.ready();
    // wait until the watch is open
    await waitFor(() => sim.stats().watches.active > 0);
    sim.trigger({
      type: 'nodeCondition',
      node: 'general-1',
      condition: 'Ready',
      status: 'False',
    });
    const modified = await waitFor(() =>
      events.find(
        e =>
          e.type === 'MODIFIED' &&
          e.object.metadata.name === 'general-1' &&
          e.object.status.conditions.some(
            (c: any) => c.type === 'Ready' && c.status === 'False',
          ),
      ),
    );
    expect(modified).toMatchObject({ cluster: 'fdp-cluster', kind: 'nodes' });
    const node = cache.get('fdp-cluster', 'nodes', undefined, 'general-1')!;
    expect(
      node.status.conditions.find((c: any) => c.type === 'Ready').status,
    ).toBe('False');
    sim.trigger({
      type: 'nodeCondition',
      node: 'general-1',
      condition: 'Ready',
      status: 'True',
    });
  });

  it('keeps whole objects when a consumer registers full detail', async () => {
    const cache = make();
    cache.register({ kinds: ['pods', 'deployments'], detail: 'trimmed' });
    cache.register({ kinds: ['deployments'], detail: 'full' });
    await cache.ready();
    await waitFor(
      () =>
        cache.getCluster('fdp-cluster')?.kinds?.deployments?.detail === 'full',
    );
    const deployment = await waitFor(() => {
      const d = cache.get(
        'fdp-cluster',
        'deployments',
        'trading',
        'trading-api',
      );
      return d?.metadata.managedFields ? d : undefined;
    });
    expect(deployment.spec.template.spec.containers[0].image).toBeDefined();
    expect(deployment.spec.strategy).toBeDefined();
    const pod = cache.list('fdp-cluster', 'pods', { namespace: 'trading' })[0];
    expect(pod.metadata.managedFields).toBeUndefined();
    expect(cache.getCluster('fdp-cluster')?.kinds?.pods?.detail).toBe(
      'trimmed',
    );
  });

  it('turns stale during an outage and recovers afterwards without unhandled rejections', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const cache = make();
      const events: CacheEvent[] = [];
      cache.subscribe(e => {
        events.push(e);
        throw new Error('a buggy subscriber');
      });
      cache.register({ kinds: ['nodes', 'pods'], detail: 'trimmed' });
      await cache.ready();
      await waitFor(() => sim.stats().watches.active >= 2);

      sim.setOutage(true);
      const stale = await waitFor(() => {
        const s = cache.getCluster('fdp-cluster')!;
        return s.stale ? s : undefined;
      });
      expect(stale.error).toContain(`127.0.0.1:${sim.port}`);
      expect(stale.error).toMatch(/503|closed/);
      expect(
        events.some(e => e.type === 'STALE' && !('kind' in e && e.kind)),
      ).toBe(true);
      // last good data is kept
      expect(cache.list('fdp-cluster', 'nodes')).toHaveLength(7);

      sim.setOutage(false);
      const fresh = await waitFor(() => {
        const s = cache.getCluster('fdp-cluster')!;
        return !s.stale ? s : undefined;
      });
      expect(fresh.error).toBeUndefined();
      expect(fresh.synced).toBe(true);
      expect(events.some(e => e.type === 'RECOVERED')).toBe(true);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  const requests = (endpoint: string) =>
    sim.stats().byEndpoint[endpoint]?.requests ?? 0;
  const firstRound = async (nodeCache: object) => {
    const cache = make([], {}, nodeCache);
    const rounds: CacheEvent[] = [];
    cache.subscribe(e => e.type === 'METRICS' && rounds.push(e));
    cache.register({ kinds: ['nodes'], detail: 'trimmed', metrics: true });
    await waitFor(() => rounds.length > 0);
    return cache;
  };

  it('polls node metrics with disk from one Prometheus query, and pod metrics per asked namespace and selector', async () => {
    const proxied = requests('get nodes/proxy');
    const queries = requests('POST /api/v1/query');
    const cache = await firstRound({
      diskUsage: { prometheus: { url: sim.url } },
    });
    expect(requests('POST /api/v1/query') - queries).toBe(1);
    expect(requests('get nodes/proxy') - proxied).toBe(0);
    const usage = cache.nodeUsage('fdp-cluster');
    expect(usage.size).toBe(7);
    const n = usage.get('general-1')!;
    expect(n.cpuMillis).toBeGreaterThan(0);
    expect(n.memoryBytes).toBeGreaterThan(0);
    expect(n.diskUsedBytes).toBeGreaterThan(0);
    expect(n.diskCapacityBytes).toBeGreaterThan(n.diskUsedBytes!);
    expect(cache.getCluster('fdp-cluster')?.metricsError).toBeUndefined();
    const before = sim.stats().byEndpoint;
    const snapshot = await cache.podUsage('fdp-cluster', {
      namespace: 'trading',
      labelSelector: 'app=trading-api',
    });
    const pods = snapshot.items;
    expect(pods).toHaveLength(3);
    expect(pods.every(p => p.name.startsWith('trading-api-'))).toBe(true);
    expect(pods[0].containers[0]).toMatchObject({
      name: 'trading-api',
      cpuMillis: expect.any(Number),
      memoryBytes: expect.any(Number),
      usage: { cpu: expect.stringMatching(/n$/), memory: expect.any(String) },
    });
    // asked again: answered from memory, no second request
    await cache.podUsage('fdp-cluster', {
      namespace: 'trading',
      labelSelector: 'app=trading-api',
    });
    const after = sim.stats().byEndpoint;
    const podMetricsRequests = (stats: typeof after) =>
      Object.entries(stats)
        .filter(([k]) => k.includes('pods.metrics.k8s.io'))
        .reduce((sum, [, v]) => sum + v.requests, 0);
    expect(podMetricsRequests(after) - podMetricsRequests(before)).toBe(1);
    await expect(
      cache.podUsage('unknown-cluster', { namespace: 'trading' }),
    ).rejects.toThrow(/no metrics are polled for cluster unknown-cluster/);
    expect(cache.getCluster('fdp-cluster')?.metricsAt).toBeDefined();
  });

  it('reads the kubelet stats summary only when diskUsage.source is kubeletStats', async () => {
    let proxied = requests('get nodes/proxy');
    const none = await firstRound({});
    expect(requests('get nodes/proxy') - proxied).toBe(0);
    expect(none.nodeUsage('fdp-cluster').get('general-1')).toMatchObject({
      cpuMillis: expect.any(Number),
    });
    expect(
      none.nodeUsage('fdp-cluster').get('general-1')?.diskUsedBytes,
    ).toBeUndefined();

    proxied = requests('get nodes/proxy');
    const kubelet = await firstRound({
      diskUsage: { source: 'kubeletStats' },
    });
    expect(requests('get nodes/proxy') - proxied).toBe(7);
    expect(
      kubelet.nodeUsage('fdp-cluster').get('general-1')?.diskUsedBytes,
    ).toBeGreaterThan(0);
  });

  it('names Prometheus, not its address, when the disk query fails', async () => {
    const cache = await firstRound({
      diskUsage: { prometheus: { url: `${sim.url}/nothing-here` } },
    });
    const error = cache.getCluster('fdp-cluster')?.metricsError;
    expect(error).toMatch(/disk usage from Prometheus: HTTP 401/);
    expect(error?.split(': disk usage')[1]).not.toContain(String(sim.port));
  });

  it('says why Prometheus is unreachable without its address', async () => {
    const closed = await startSimulator({ clock: 'manual', rulesDir: false });
    const url = closed.url;
    await closed.stop();
    const cache = await firstRound({ diskUsage: { prometheus: { url } } });
    expect(cache.getCluster('fdp-cluster')?.metricsError).toMatch(
      /: disk usage from Prometheus: unreachable \(ECONNREFUSED\)$/,
    );
  });

  it('takes its clusters from a cluster supplier: watches new ones, keeps unchanged ones, drops gone ones', async () => {
    const logger = mockServices.logger.mock();
    const { name, url, caData, serviceAccountToken } = sim.backstageCluster;
    const simDetails: ClusterDetails = {
      name,
      url,
      caData,
      authMetadata: {
        'kubernetes.io/auth-provider': 'serviceAccount',
        serviceAccountToken,
      },
    };
    let answer: ClusterDetails[] | Error = [simDetails];
    const cache = new DefaultKubernetesInformerCache({
      logger,
      clusters: [],
      authStrategies: createAuthStrategies({
        config: mockServices.rootConfig(),
        logger,
      }),
      settings: { ...fast, clusterRefreshMs: 30 },
    });
    caches.push(cache);
    cache.register({ kinds: ['nodes'], detail: 'trimmed' });
    sim.resetStats();
    cache.useClusterSupplier({
      getClusters: async () => {
        if (answer instanceof Error) throw answer;
        return answer;
      },
    });
    await cache.ready();
    expect(cache.getCluster('fdp-cluster')).toMatchObject({
      watched: true,
      synced: true,
    });
    expect(cache.list('fdp-cluster', 'nodes')).toHaveLength(7);

    // the same answer again (several refreshes), then a failing supplier:
    // the watch stays, no new LIST
    await new Promise(r => setTimeout(r, 150));
    answer = new Error('catalog unavailable');
    await new Promise(r => setTimeout(r, 100));
    expect(sim.stats().byEndpoint['list nodes'].requests).toBe(1);
    expect(cache.getCluster('fdp-cluster')?.synced).toBe(true);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('catalog unavailable'),
    );

    // a user-token cluster appears (listed, not watched), the simulator goes
    answer = [
      {
        name: 'gke-prod',
        url: 'https://gke.example.com',
        authMetadata: { 'kubernetes.io/auth-provider': 'google' },
      },
    ];
    await waitFor(() => !cache.getCluster('fdp-cluster'));
    expect(cache.listClusters()).toEqual([
      expect.objectContaining({ name: 'gke-prod', watched: false }),
    ]);
    expect(cache.list('fdp-cluster', 'nodes')).toEqual([]);
    await waitFor(() => sim.stats().watches.active === 0);
  });

  it('lists a cluster without server-side auth but does not watch it', async () => {
    const cache = make([
      { name: 'oidc-cluster', url: sim.httpsUrl, authProvider: 'oidc' },
    ]);
    cache.register({ kinds: ['nodes'], detail: 'trimmed' });
    await cache.ready();
    const state = cache.getCluster('oidc-cluster')!;
    expect(state).toMatchObject({
      name: 'oidc-cluster',
      authProvider: 'oidc',
      synced: false,
      watched: false,
    });
    expect(state.error).toMatch(/needs server-side auth/);
    expect(cache.list('oidc-cluster', 'nodes')).toEqual([]);
    expect(cache.listClusters().map(c => c.name)).toEqual([
      'fdp-cluster',
      'oidc-cluster',
    ]);
  });
});
