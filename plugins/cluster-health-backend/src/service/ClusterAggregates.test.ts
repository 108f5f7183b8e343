import {
  DEFAULT_NODE_POOLS,
  DEFAULT_THRESHOLDS,
} from '@fdp/plugin-cluster-health-common';
import { ClusterAggregates, UNPOOLED } from './ClusterAggregates';
import { node, pod } from '../testing/objects';

const GiB = 1024 ** 3;

function seedCluster() {
  const agg = new ClusterAggregates('fdp-cluster', DEFAULT_NODE_POOLS);
  for (const n of ['general-1', 'general-2', 'general-3'])
    agg.upsertNode(node(n, 'general'));
  agg.upsertNode(node('gpu-1', 'ai-inference', { cpu: '4', gpus: '1' }));
  agg.upsertNode(node('gpu-2', 'ai-inference', { cpu: '4', gpus: '1' }));
  return agg;
}
const byName = (pools: any[]) =>
  Object.fromEntries(pools.map(p => [p.name, p]));

describe('ClusterAggregates', () => {
  it('sums allocatable and requests per pool, keeping configured pools that have no nodes', () => {
    const agg = seedCluster();
    agg.upsertPod(pod('trading-api-1', { node: 'general-1' }));
    agg.upsertPod(pod('trading-api-2', { node: 'general-2' }));
    agg.upsertPod(
      pod('model-1', { node: 'gpu-1', gpus: '1', cpu: '2', memory: '8Gi' }),
    );
    const pools = byName(agg.poolSummaries(new Map(), DEFAULT_THRESHOLDS));
    expect(Object.keys(pools)).toEqual([
      'general',
      'ai-inference',
      'data-processing',
    ]);
    expect(pools.general).toMatchObject({
      source: 'config',
      instanceType: 'c5.2xlarge',
      minSize: 3,
      maxSize: 10,
      headroom: 7,
      nodes: { total: 3, ready: 3, notReady: 0, cordoned: 0, pressure: 0 },
      cpu: { allocatable: 24000, requested: 2000, requestedPercent: 8.3 },
      memory: { allocatable: 48 * GiB, requested: 4 * GiB },
      pendingPods: 0,
    });
    expect(pools['ai-inference'].gpus).toEqual({
      allocatable: 2,
      requested: 1,
    });
    expect(pools['data-processing']).toMatchObject({
      nodes: { total: 0 },
      status: 'critical',
      reasons: [expect.objectContaining({ code: 'NO_NODES' })],
    });
  });

  it('updates incrementally when pods move, finish or disappear', () => {
    const agg = seedCluster();
    const p = pod('job-1', { node: 'general-1', cpu: '2' });
    agg.upsertPod(p);
    agg.upsertPod({ ...p, spec: { ...p.spec, nodeName: 'general-2' } });
    let rows = agg.nodeRows('general', new Map(), DEFAULT_THRESHOLDS);
    expect(rows.map(r => [r.name, r.pods, r.cpu.requested])).toEqual([
      ['general-1', 0, 0],
      ['general-2', 1, 2000],
      ['general-3', 0, 0],
    ]);
    agg.upsertPod({
      ...p,
      spec: { ...p.spec, nodeName: 'general-2' },
      status: { phase: 'Succeeded' },
    });
    rows = agg.nodeRows('general', new Map(), DEFAULT_THRESHOLDS);
    expect(rows[1].cpu.requested).toBe(0);
    agg.upsertPod(p);
    agg.deletePod(p);
    expect(agg.nodeRows('general', new Map(), DEFAULT_THRESHOLDS)[0].pods).toBe(
      0,
    );
  });

  it('keeps requests of pods seen before their node', () => {
    const agg = new ClusterAggregates('c', DEFAULT_NODE_POOLS);
    agg.upsertPod(pod('early', { node: 'general-9', cpu: '3' }));
    agg.upsertNode(node('general-9', 'general'));
    expect(
      agg.nodeRows('general', new Map(), DEFAULT_THRESHOLDS)[0],
    ).toMatchObject({
      pods: 1,
      cpu: { requested: 3000 },
    });
  });

  it('computes usage from node metrics and evaluates it against the thresholds', () => {
    const agg = seedCluster();
    const metrics = new Map(
      ['general-1', 'general-2', 'general-3'].map(n => [
        n,
        {
          cpuMillis: 7000,
          memoryBytes: 8 * GiB,
          diskUsedBytes: 50,
          diskCapacityBytes: 100,
          timestamp: 'now',
        },
      ]),
    );
    const general = byName(
      agg.poolSummaries(metrics, DEFAULT_THRESHOLDS),
    ).general;
    expect(general.cpu.usedPercent).toBe(87.5);
    expect(general.memory.usedPercent).toBe(50);
    expect(general.disk.usedPercent).toBe(50);
    expect(general.status).toBe('critical');
    expect(general.reasons.map((r: any) => r.code)).toEqual(['CPU_CRITICAL']);
  });

  it('counts not-ready, cordoned and pressured nodes', () => {
    const agg = seedCluster();
    agg.upsertNode(node('general-2', 'general', { ready: false }));
    agg.upsertNode(
      node('general-3', 'general', {
        unschedulable: true,
        conditions: [{ type: 'MemoryPressure', status: 'True' }],
      }),
    );
    const general = byName(
      agg.poolSummaries(new Map(), DEFAULT_THRESHOLDS),
    ).general;
    expect(general.nodes).toEqual({
      total: 3,
      ready: 2,
      notReady: 1,
      cordoned: 1,
      pressure: 1,
    });
    expect(general.status).toBe('critical'); // 2 ready < min 3
    expect(general.reasons[0].code).toBe('READY_BELOW_MIN');
  });

  it('attributes pending pods to the pool their nodeSelector targets', () => {
    const agg = seedCluster();
    agg.upsertPod(pod('big', { cpu: '64', nodeSelector: { role: 'general' } }));
    agg.upsertPod(pod('anywhere', { cpu: '64' }));
    const pools = byName(agg.poolSummaries(new Map(), DEFAULT_THRESHOLDS));
    expect(pools.general.pendingPods).toBe(1);
    expect(pools['ai-inference'].pendingPods).toBe(0);
    expect(pools.general.reasons.map((r: any) => r.code)).toContain(
      'PODS_PENDING',
    );
  });

  it('forgets a pending pod once it is scheduled or deleted', () => {
    const agg = seedCluster();
    const selector = { nodeSelector: { role: 'general' } };
    agg.upsertPod(pod('a', { cpu: '1', ...selector }));
    agg.upsertPod(pod('b', { cpu: '1', ...selector }));
    const pending = () =>
      byName(agg.poolSummaries(new Map(), DEFAULT_THRESHOLDS)).general
        .pendingPods;
    expect(pending()).toBe(2);
    agg.upsertPod(pod('a', { cpu: '1', node: 'general-1' }));
    expect(pending()).toBe(1);
    agg.deletePod(pod('b', { cpu: '1', ...selector }));
    expect(pending()).toBe(0);
  });

  it('discovers pools from well-known labels and groups unlabelled nodes', () => {
    const agg = new ClusterAggregates('c', []);
    agg.upsertNode({
      ...node('ng-1', 'x'),
      metadata: {
        name: 'ng-1',
        labels: { 'eks.amazonaws.com/nodegroup': 'batch' },
      },
    });
    agg.upsertNode({
      ...node('bare', 'x'),
      metadata: { name: 'bare', labels: {} },
    });
    agg.upsertPod(
      pod('p', { nodeSelector: { 'eks.amazonaws.com/nodegroup': 'batch' } }),
    );
    const pools = byName(agg.poolSummaries(new Map(), DEFAULT_THRESHOLDS));
    expect(pools.batch).toMatchObject({
      source: 'discovered',
      nodes: { total: 1 },
      pendingPods: 1,
    });
    expect(pools[UNPOOLED].nodes.total).toBe(1);
  });
});
