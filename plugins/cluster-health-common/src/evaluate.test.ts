import { DEFAULT_THRESHOLDS } from './constants';
import {
  NodeFacts,
  NodePoolFacts,
  evaluateCluster,
  evaluateNode,
  evaluateNodePool,
  statusRank,
  worstStatus,
} from './evaluate';

const usage = (usedPercent?: number) => ({
  allocatable: 100,
  requested: 50,
  used: usedPercent,
  usedPercent,
  requestedPercent: 50,
});

function pool(overrides: Partial<NodePoolFacts> = {}): NodePoolFacts {
  return {
    cluster: 'fdp-cluster',
    name: 'general',
    source: 'config',
    instanceType: 'c5.2xlarge',
    minSize: 3,
    maxSize: 10,
    nodes: { total: 3, ready: 3, notReady: 0, cordoned: 0, pressure: 0 },
    headroom: 7,
    cpu: usage(45),
    memory: usage(55),
    disk: usage(42),
    gpus: { allocatable: 0, requested: 0 },
    pendingPods: 0,
    ...overrides,
  };
}
const codes = (r: { reasons: { code: string }[] }) =>
  r.reasons.map(x => x.code);

describe('evaluateNodePool', () => {
  it('is healthy below every threshold', () => {
    expect(evaluateNodePool(pool(), DEFAULT_THRESHOLDS)).toEqual({
      status: 'healthy',
      reasons: [],
    });
  });

  // Seeds: cpu 70/85, memory 75/90, disk 80/90
  it.each([
    ['cpu', 69.9, 'healthy', []],
    ['cpu', 70, 'warning', ['CPU_WARNING']],
    ['cpu', 84.9, 'warning', ['CPU_WARNING']],
    ['cpu', 85, 'critical', ['CPU_CRITICAL']],
    ['memory', 74.9, 'healthy', []],
    ['memory', 75, 'warning', ['MEMORY_WARNING']],
    ['memory', 90, 'critical', ['MEMORY_CRITICAL']],
    ['disk', 79.9, 'healthy', []],
    ['disk', 80, 'warning', ['DISK_WARNING']],
    ['disk', 90, 'critical', ['DISK_CRITICAL']],
  ] as const)('%s at %p%% is %s', (resource, value, status, expected) => {
    const result = evaluateNodePool(
      pool({ [resource]: usage(value) }),
      DEFAULT_THRESHOLDS,
    );
    expect(result.status).toBe(status);
    expect(codes(result)).toEqual(expected);
  });

  it('names the value and the mark in words', () => {
    const result = evaluateNodePool(
      pool({ cpu: usage(88) }),
      DEFAULT_THRESHOLDS,
    );
    expect(result.reasons[0].message).toBe('CPU at 88% (critical ≥ 85%)');
  });

  it('uses configured thresholds', () => {
    const strict = {
      ...DEFAULT_THRESHOLDS,
      cpu: { warning: 40, critical: 50 },
    };
    expect(evaluateNodePool(pool(), strict).status).toBe('warning');
  });

  it('is critical when fewer nodes are ready than the minimum', () => {
    const result = evaluateNodePool(
      pool({
        nodes: { total: 3, ready: 2, notReady: 1, cordoned: 0, pressure: 0 },
      }),
      DEFAULT_THRESHOLDS,
    );
    expect(result.status).toBe('critical');
    expect(codes(result)).toEqual(['READY_BELOW_MIN', 'NODE_NOT_READY']);
  });

  it('only warns about a not-ready node while the minimum still holds', () => {
    const result = evaluateNodePool(
      pool({
        nodes: { total: 4, ready: 3, notReady: 1, cordoned: 0, pressure: 0 },
      }),
      DEFAULT_THRESHOLDS,
    );
    expect(result.status).toBe('warning');
    expect(codes(result)).toEqual(['NODE_NOT_READY']);
  });

  it('is critical at max size while hot, since it cannot scale out', () => {
    const result = evaluateNodePool(
      pool({
        maxSize: 3,
        cpu: usage(72),
        nodes: { total: 3, ready: 3, notReady: 0, cordoned: 0, pressure: 0 },
      }),
      DEFAULT_THRESHOLDS,
    );
    expect(result.status).toBe('critical');
    expect(codes(result)).toEqual(['CPU_WARNING', 'AT_MAX_SIZE_AND_HOT']);
  });

  it('reports pending pods, pressure, cordoned nodes, oversize and exhausted GPUs', () => {
    const result = evaluateNodePool(
      pool({
        maxSize: 2,
        nodes: { total: 3, ready: 3, notReady: 0, cordoned: 1, pressure: 1 },
        pendingPods: 2,
        gpus: { allocatable: 2, requested: 2 },
      }),
      DEFAULT_THRESHOLDS,
    );
    expect(codes(result)).toEqual([
      'NODE_PRESSURE',
      'NODES_CORDONED',
      'ABOVE_MAX_SIZE',
      'PODS_PENDING',
      'GPU_EXHAUSTED',
    ]);
    expect(result.status).toBe('warning');
  });

  it('is unknown without metrics, critical without nodes when a minimum is set', () => {
    expect(
      evaluateNodePool(
        pool({ cpu: usage(), memory: usage(), disk: usage() }),
        DEFAULT_THRESHOLDS,
      ).status,
    ).toBe('unknown');
    const empty = evaluateNodePool(
      pool({
        nodes: { total: 0, ready: 0, notReady: 0, cordoned: 0, pressure: 0 },
      }),
      DEFAULT_THRESHOLDS,
    );
    expect(empty.status).toBe('critical');
    expect(codes(empty)).toEqual(['NO_NODES']);
  });
});

describe('evaluateNode', () => {
  const node = (o: Partial<NodeFacts> = {}): NodeFacts => ({
    name: 'general-1',
    pool: 'general',
    ready: true,
    cordoned: false,
    conditions: [{ type: 'Ready', status: 'True' }],
    pods: 10,
    cpu: usage(40),
    memory: usage(40),
    disk: usage(40),
    gpus: { allocatable: 0, requested: 0 },
    ...o,
  });

  it('is critical when not ready, with the kubelet reason', () => {
    const result = evaluateNode(
      node({
        ready: false,
        conditions: [
          {
            type: 'Ready',
            status: 'False',
            reason: 'KubeletNotReady',
            message: 'PLEG is not healthy',
          },
        ],
      }),
      DEFAULT_THRESHOLDS,
    );
    expect(result.status).toBe('critical');
    expect(result.reasons[0].message).toBe(
      'Not ready: KubeletNotReady (PLEG is not healthy)',
    );
  });

  it('warns on pressure and cordoning', () => {
    const result = evaluateNode(
      node({
        cordoned: true,
        conditions: [
          { type: 'Ready', status: 'True' },
          { type: 'DiskPressure', status: 'True' },
          { type: 'MemoryPressure', status: 'False' },
        ],
      }),
      DEFAULT_THRESHOLDS,
    );
    expect(result.status).toBe('warning');
    expect(codes(result)).toEqual(['NODE_PRESSURE', 'NODES_CORDONED']);
  });
});

describe('evaluateCluster', () => {
  it('takes the worst pool and explains it', () => {
    const pools = [
      { ...pool(), status: 'healthy' as const, reasons: [] },
      {
        ...pool({ name: 'ai-inference' }),
        status: 'critical' as const,
        reasons: [
          {
            code: 'CPU_CRITICAL' as const,
            severity: 'critical' as const,
            message: 'CPU at 90%',
          },
        ],
      },
    ];
    const result = evaluateCluster({
      stale: false,
      lastSyncAt: 'now',
      nodePools: pools,
    });
    expect(result.status).toBe('critical');
    expect(result.reasons).toEqual([
      {
        code: 'CPU_CRITICAL',
        severity: 'critical',
        message: 'Pool ai-inference: CPU at 90%',
      },
    ]);
  });

  it('is unknown while stale or never synchronised, with the error', () => {
    expect(
      evaluateCluster({
        stale: true,
        lastSyncAt: '2026-11-21T10:00:00Z',
        error: 'connect ECONNREFUSED 127.0.0.1:6443',
        nodePools: [],
      }),
    ).toEqual({
      status: 'unknown',
      reasons: [
        {
          code: 'CLUSTER_STALE',
          severity: 'unknown',
          message:
            'Data from 2026-11-21T10:00:00Z is stale: connect ECONNREFUSED 127.0.0.1:6443',
        },
      ],
    });
    expect(
      evaluateCluster({ stale: true, error: 'no route', nodePools: [] })
        .reasons[0].code,
    ).toBe('CLUSTER_UNREACHABLE');
  });

  it('is unknown while its first lists run, naming the kinds', () => {
    const healthy = [{ ...pool(), status: 'healthy' as const, reasons: [] }];
    expect(
      evaluateCluster({
        stale: false,
        lastSyncAt: 'now',
        syncing: ['pods', 'deployments'],
        nodePools: healthy,
      }),
    ).toEqual({
      status: 'unknown',
      reasons: [
        {
          code: 'CLUSTER_SYNCING',
          severity: 'unknown',
          message:
            'Still listing pods, deployments for the first time: figures are partial',
        },
      ],
    });
    expect(
      evaluateCluster({
        stale: false,
        lastSyncAt: 'now',
        syncing: [],
        nodePools: healthy,
      }).status,
    ).toBe('healthy');
  });
});

describe('worstStatus', () => {
  it('orders critical > warning > unknown > healthy', () => {
    expect(worstStatus(['healthy', 'unknown'])).toBe('unknown');
    expect(worstStatus(['unknown', 'warning'])).toBe('warning');
    expect(worstStatus(['warning', 'critical', 'healthy'])).toBe('critical');
    expect(worstStatus([])).toBe('healthy');
  });

  it('ranks statuses for sorting, unknown values as unknown', () => {
    expect(
      ['critical', 'healthy', 'warning', 'unknown'].map(s =>
        statusRank(s as any),
      ),
    ).toEqual([3, 0, 2, 1]);
    expect(statusRank('bogus' as any)).toBe(1);
  });
});
