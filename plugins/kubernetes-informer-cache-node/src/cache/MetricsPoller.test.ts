import { KubeClient } from '../client/KubeClient';
import { MetricsPoller } from './MetricsPoller';

function fakeClient() {
  const paths: string[] = [];
  let failPods = false;
  const client = {
    hostPort: '127.0.0.1:6443',
    getJson: jest.fn(async (path: string) => {
      paths.push(path);
      if (path.includes('/pods')) {
        if (failPods) throw new Error('503 Service Unavailable');
        return {
          items: [
            {
              metadata: { name: 'p1', namespace: 'trading' },
              timestamp: '2026-11-22T00:00:00Z',
              containers: [
                { name: 'c', usage: { cpu: '250000000n', memory: '1Ki' } },
              ],
            },
          ],
        };
      }
      return { items: [] };
    }),
  };
  return {
    client: client as unknown as KubeClient,
    paths,
    failPods: (v: boolean) => (failPods = v),
  };
}

const settings = {
  intervalMs: 30_000,
  concurrency: 4,
  podQueryIdleMs: 60_000,
};

describe('MetricsPoller pod queries', () => {
  afterEach(() => jest.useRealTimers());

  it('fetches a query once, refreshes it each round while asked, drops it when idle', async () => {
    const { client, paths } = fakeClient();
    const poller = new MetricsPoller(
      client,
      settings,
      () => [],
      () => {},
    );
    const first = await poller.podUsage('trading', 'app=trading-api');
    expect(first.items).toEqual([
      expect.objectContaining({
        name: 'p1',
        containers: [
          expect.objectContaining({ cpuMillis: 250, memoryBytes: 1024 }),
        ],
      }),
    ]);
    expect(paths).toEqual([
      '/apis/metrics.k8s.io/v1beta1/namespaces/trading/pods?labelSelector=app%3Dtrading-api',
    ]);
    // concurrent and later asks share the fetch / the snapshot
    await Promise.all([
      poller.podUsage('trading', 'app=trading-api'),
      poller.podUsage('trading', 'app=trading-api'),
    ]);
    expect(paths).toHaveLength(1);

    await poller.round();
    expect(
      paths.filter(p => p.includes('namespaces/trading/pods')),
    ).toHaveLength(2);
    expect(poller.podQueryCount).toBe(1);

    jest.useFakeTimers({ now: Date.now() + 61_000 });
    await poller.round();
    expect(poller.podQueryCount).toBe(0);
    expect(
      paths.filter(p => p.includes('namespaces/trading/pods')),
    ).toHaveLength(2);
  });

  it('rejects when the fetch fails and never serves the sample from before a failed refresh', async () => {
    const { client, failPods, paths } = fakeClient();
    const poller = new MetricsPoller(
      client,
      settings,
      () => [],
      () => {},
    );
    await poller.podUsage('trading');
    failPods(true);
    await poller.round();
    expect(poller.error).toMatch(/pod metrics failed for 1\/1 queries \(503/);
    await expect(poller.podUsage('trading')).rejects.toThrow(/503/);
    failPods(false);
    await expect(poller.podUsage('trading')).resolves.toMatchObject({
      items: [expect.objectContaining({ name: 'p1' })],
    });
    expect(paths.at(-1)).toBe(
      '/apis/metrics.k8s.io/v1beta1/namespaces/trading/pods',
    );
  });
});
