import * as k8s from '@kubernetes/client-node';
import { startSimulator, RunningSimulator } from '../simulator';
import { waitFor } from '../testing/waitFor';

describe('scenario timeline', () => {
  let sim: RunningSimulator;
  let kc: k8s.KubeConfig;

  beforeEach(async () => {
    sim = await startSimulator({ scenario: 'default', clock: 'manual' });
    kc = new k8s.KubeConfig();
    kc.loadFromString(sim.kubeconfig);
  });
  afterEach(() => sim.stop());

  it('sends MODIFIED with Ready=False when the clock passes the NotReady event, and Ready again later', async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const list = await core.listNode();
    const seen: { name: string; ready: string }[] = [];
    const ctrl = await new k8s.Watch(kc).watch(
      '/api/v1/nodes',
      { resourceVersion: list.metadata!.resourceVersion },
      (type, obj) => {
        if (type === 'MODIFIED') {
          seen.push({
            name: obj.metadata.name,
            ready: obj.status.conditions.find((c: any) => c.type === 'Ready')
              .status,
          });
        }
      },
      () => undefined,
    );
    sim.advance(239);
    await new Promise(r => setTimeout(r, 50));
    expect(seen).toEqual([]);
    sim.advance(2);
    await waitFor(() => seen.length > 0);
    expect(seen[0]).toEqual({ name: 'general-3', ready: 'False' });
    const node = await core.readNode({ name: 'general-3' });
    expect(node.spec?.taints?.map(t => t.key)).toContain(
      'node.kubernetes.io/not-ready',
    );
    // pods on the node are no longer ready
    const pods = await core.listPodForAllNamespaces({
      fieldSelector: 'spec.nodeName=general-3',
    });
    expect(pods.items.length).toBeGreaterThan(0);
    expect(
      pods.items.every(
        p =>
          p.status?.conditions?.find(c => c.type === 'Ready')?.status ===
          'False',
      ),
    ).toBe(true);
    // NotReady nodes drop out of metrics
    const nm = await new k8s.Metrics(kc).getNodeMetrics();
    expect(nm.items.map(n => n.metadata.name)).not.toContain('general-3');
    sim.advance(180);
    await waitFor(() =>
      seen.some(s => s.name === 'general-3' && s.ready === 'True'),
    );
    ctrl.abort();
  });

  it('crash-loops collector-2 with an increasing restart count', () => {
    sim.advance(125);
    const pods = [...sim.sim.store.entries('pods', 'data')]
      .map(e => e.obj)
      .filter(p => p.metadata.name.startsWith('collector-2-'));
    const crashing = pods.filter(
      p =>
        p.status.containerStatuses[0].state.waiting?.reason ===
        'CrashLoopBackOff',
    );
    expect(crashing).toHaveLength(1);
    const name = crashing[0].metadata.name;
    const restarts = () =>
      sim.sim.store.get('pods', 'data', name).status.containerStatuses[0]
        .restartCount;
    const before = restarts();
    sim.advance(95);
    expect(restarts()).toBeGreaterThanOrEqual(before + 3);
    const d = sim.sim.store.get('deployments.apps', 'data', 'collector-2');
    expect(d.status.readyReplicas).toBe(1);
    sim.advance(600);
    expect(
      sim.sim.store.get('pods', 'data', name).status.containerStatuses[0].state
        .running,
    ).toBeDefined();
    expect(
      sim.sim.store.get('deployments.apps', 'data', 'collector-2').status
        .readyReplicas,
    ).toBe(2);
  });

  it('ramps general CPU past 70% then 85% and the HPA scales trading-api', () => {
    const cpu = () =>
      sim.sim.usage.nodeUsage(
        sim.sim.store.get('nodes', undefined, 'general-1'),
      ).cpuRatio;
    expect(cpu()).toBeLessThan(0.7);
    sim.advance(200);
    expect(cpu()).toBeGreaterThan(0.7);
    expect(cpu()).toBeLessThan(0.85);
    const hpa = sim.sim.store.get(
      'horizontalpodautoscalers.autoscaling',
      'trading',
      'trading-api-hpa',
    );
    expect(hpa.status.desiredReplicas).toBeGreaterThan(3);
    expect(
      hpa.status.currentMetrics[0].resource.current.averageUtilization,
    ).toBeGreaterThan(0);
    expect(hpa.status.conditions.map((c: any) => c.type)).toEqual([
      'AbleToScale',
      'ScalingActive',
      'ScalingLimited',
    ]);
    const d = sim.sim.store.get('deployments.apps', 'trading', 'trading-api');
    expect(d.spec.replicas).toBeGreaterThan(3);
    expect(d.spec.replicas).toBeLessThanOrEqual(10);
    sim.advance(250);
    expect(cpu()).toBeGreaterThan(0.85);
  });

  it('exports Prometheus metrics with monotonic counters', async () => {
    sim.advance(60);
    const scrape = async () => (await fetch(`${sim.url}/metrics`)).text();
    const first = await scrape();
    expect(first).toContain('# TYPE http_requests_total counter');
    expect(first).toContain('# TYPE http_request_duration_seconds histogram');
    expect(first).toMatch(
      /node_cpu_usage_ratio\{cluster="fdp-cluster",node="general-1",pool="general"\} 0\.\d+/,
    );
    const value = (text: string, series: string) =>
      Number(
        text
          .split('\n')
          .find(l => l.startsWith(series))!
          .split(' ')
          .pop(),
      );
    const okSeries =
      'http_requests_total{cluster="fdp-cluster",service="trading-api",status="200"}';
    const v1 = value(first, okSeries);
    expect(v1).toBeGreaterThan(60 * 700);
    sim.advance(400);
    const second = await scrape();
    expect(value(second, okSeries)).toBeGreaterThan(v1);
    const errors = value(
      second,
      'http_requests_total{cluster="fdp-cluster",service="trading-api",status="500"}',
    );
    expect(errors).toBeGreaterThan(0);
    // histogram buckets are cumulative and end at _count
    const buckets = second
      .split('\n')
      .filter(l =>
        l.startsWith(
          'http_request_duration_seconds_bucket{cluster="fdp-cluster",service="trading-api"',
        ),
      )
      .map(l => Number(l.split(' ').pop()));
    for (let i = 1; i < buckets.length; i++)
      expect(buckets[i]).toBeGreaterThanOrEqual(buckets[i - 1]);
    expect(buckets[buckets.length - 1]).toBe(
      value(
        second,
        'http_request_duration_seconds_count{cluster="fdp-cluster",service="trading-api"}',
      ),
    );
  });

  it('serves the kubelet stats summary with filesystem usage', async () => {
    const res = await fetch(
      `${sim.url}/api/v1/nodes/general-1/proxy/stats/summary`,
      { headers: { Authorization: `Bearer ${sim.token}` } },
    );
    const summary = await res.json();
    const fs = summary.node.fs;
    expect(fs.capacityBytes).toBeGreaterThan(0);
    expect(fs.usedBytes + fs.availableBytes).toBe(fs.capacityBytes);
    expect(fs.usedBytes / fs.capacityBytes).toBeGreaterThan(0.35);
    expect(summary.node.cpu.usageNanoCores).toBeGreaterThan(0);
    expect(summary.pods.length).toBeGreaterThan(0);
  });

  it('closes watches on request and counts API load', async () => {
    sim.resetStats();
    const ended: boolean[] = [];
    await new k8s.Watch(kc).watch(
      '/api/v1/pods',
      {},
      () => undefined,
      () => ended.push(true),
    );
    await waitFor(() => sim.stats().watches.active === 1);
    expect(sim.closeWatches()).toBe(1);
    await waitFor(() => ended.length === 1);
    const stats = sim.stats();
    expect(stats.byEndpoint['watch pods'].requests).toBe(1);
    expect(stats.byEndpoint['watch pods'].responseBytes).toBeGreaterThan(1000);
    const pub = await (await fetch(`${sim.url}/sim/stats`)).json();
    expect(pub.totalRequests).toBeGreaterThanOrEqual(1);
  });
});
