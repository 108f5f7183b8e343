import type {
  ClusterSummary,
  NodePoolSummary,
  NodeRow,
  WorkloadsResponse,
} from '@fdp/plugin-cluster-health-common';

const GiB = 1024 ** 3;

export const generalPool: NodePoolSummary = {
  cluster: 'prod-eu',
  name: 'general',
  source: 'config',
  instanceType: 'c5.2xlarge',
  minSize: 3,
  maxSize: 10,
  nodes: { total: 3, ready: 3, notReady: 0, cordoned: 0, pressure: 0 },
  headroom: 7,
  cpu: {
    allocatable: 23_500,
    requested: 14_100,
    used: 9_400,
    usedPercent: 40,
    requestedPercent: 60,
  },
  memory: {
    allocatable: 45 * GiB,
    requested: 27 * GiB,
    used: 22.5 * GiB,
    usedPercent: 50,
    requestedPercent: 60,
  },
  disk: {
    allocatable: 300 * GiB,
    requested: 0,
    used: 90 * GiB,
    usedPercent: 30,
    requestedPercent: 0,
  },
  gpus: { allocatable: 0, requested: 0 },
  pendingPods: 0,
  status: 'healthy',
  reasons: [],
};

export const aiInferencePool: NodePoolSummary = {
  cluster: 'prod-eu',
  name: 'ai-inference',
  source: 'config',
  instanceType: 'g4dn.xlarge',
  minSize: 2,
  maxSize: 5,
  nodes: { total: 5, ready: 5, notReady: 0, cordoned: 0, pressure: 0 },
  headroom: 0,
  cpu: {
    allocatable: 19_000,
    requested: 17_100,
    used: 16_720,
    usedPercent: 88,
    requestedPercent: 90,
  },
  memory: {
    allocatable: 75 * GiB,
    requested: 45 * GiB,
    used: 48.75 * GiB,
    usedPercent: 65,
    requestedPercent: 60,
  },
  disk: {
    allocatable: 500 * GiB,
    requested: 0,
    used: 200 * GiB,
    usedPercent: 40,
    requestedPercent: 0,
  },
  gpus: { allocatable: 5, requested: 5 },
  pendingPods: 2,
  status: 'critical',
  reasons: [
    {
      code: 'CPU_CRITICAL',
      severity: 'critical',
      message: 'CPU at 88% (critical ≥ 85%)',
    },
    {
      code: 'AT_MAX_SIZE_AND_HOT',
      severity: 'critical',
      message: 'Pool at max size (5) with CPU at 88%',
    },
    {
      code: 'PODS_PENDING',
      severity: 'warning',
      message: '2 pods pending for this pool',
    },
  ],
};

export const dataProcessingPool: NodePoolSummary = {
  cluster: 'prod-eu',
  name: 'data-processing',
  source: 'config',
  instanceType: 'r5.2xlarge',
  minSize: 2,
  maxSize: 8,
  nodes: { total: 2, ready: 2, notReady: 0, cordoned: 0, pressure: 1 },
  headroom: 6,
  cpu: {
    allocatable: 15_600,
    requested: 7_800,
    used: 6_240,
    usedPercent: 40,
    requestedPercent: 50,
  },
  memory: {
    allocatable: 120 * GiB,
    requested: 96 * GiB,
    used: 93.6 * GiB,
    usedPercent: 78,
    requestedPercent: 80,
  },
  disk: {
    allocatable: 400 * GiB,
    requested: 0,
    used: 120 * GiB,
    usedPercent: 30,
    requestedPercent: 0,
  },
  gpus: { allocatable: 0, requested: 0 },
  pendingPods: 0,
  status: 'warning',
  reasons: [
    {
      code: 'MEMORY_WARNING',
      severity: 'warning',
      message: 'Memory at 78% (warning ≥ 75%)',
    },
    {
      code: 'NODE_PRESSURE',
      severity: 'warning',
      message: '1 node under MemoryPressure',
    },
  ],
};

export const prodCluster: ClusterSummary = {
  name: 'prod-eu',
  status: 'critical',
  reasons: [
    {
      code: 'CPU_CRITICAL',
      severity: 'critical',
      message: 'Pool ai-inference: CPU at 88% (critical ≥ 85%)',
    },
  ],
  lastSyncAt: '2026-11-22T00:05:00.000Z',
  stale: false,
  nodePools: [generalPool, aiInferencePool, dataProcessingPool],
};

export const staleCluster: ClusterSummary = {
  name: 'dr-us',
  status: 'unknown',
  reasons: [
    {
      code: 'CLUSTER_STALE',
      severity: 'unknown',
      message: 'No successful sync for 10 minutes',
    },
  ],
  lastSyncAt: '2026-11-21T23:50:00.000Z',
  stale: true,
  error: 'connect ECONNREFUSED 10.0.0.12:443',
  nodePools: [
    {
      ...generalPool,
      cluster: 'dr-us',
      status: 'healthy',
      reasons: [],
    },
  ],
};

export const clusters: ClusterSummary[] = [prodCluster];

function node(
  name: string,
  overrides: Partial<NodeRow> & { cpuPct: number; memPct: number },
): NodeRow {
  const { cpuPct, memPct, ...rest } = overrides;
  return {
    name,
    pool: 'ai-inference',
    instanceType: 'g4dn.xlarge',
    zone: 'eu-west-1a',
    ready: true,
    cordoned: false,
    conditions: [
      { type: 'Ready', status: 'True' },
      { type: 'MemoryPressure', status: 'False' },
      { type: 'DiskPressure', status: 'False' },
    ],
    pods: 20,
    cpu: {
      allocatable: 3_800,
      requested: 3_000,
      used: (3_800 * cpuPct) / 100,
      usedPercent: cpuPct,
      requestedPercent: 79,
    },
    memory: {
      allocatable: 15 * GiB,
      requested: 9 * GiB,
      used: (15 * GiB * memPct) / 100,
      usedPercent: memPct,
      requestedPercent: 60,
    },
    disk: {
      allocatable: 100 * GiB,
      requested: 0,
      used: 40 * GiB,
      usedPercent: 40,
      requestedPercent: 0,
    },
    gpus: { allocatable: 1, requested: 1 },
    createdAt: '2026-11-19T00:00:00.000Z',
    status: 'healthy',
    reasons: [],
    ...rest,
  };
}

export const nodes: NodeRow[] = [
  node('ip-10-0-1-12', { cpuPct: 91, memPct: 60, pods: 31 }),
  node('ip-10-0-1-5', {
    cpuPct: 72,
    memPct: 93,
    pods: 12,
    zone: 'eu-west-1b',
    conditions: [
      { type: 'Ready', status: 'True' },
      {
        type: 'MemoryPressure',
        status: 'True',
        reason: 'KubeletHasInsufficientMemory',
      },
      { type: 'DiskPressure', status: 'False' },
    ],
    status: 'critical',
    reasons: [
      {
        code: 'MEMORY_CRITICAL',
        severity: 'critical',
        message: 'Memory at 93% (critical ≥ 90%)',
      },
    ],
  }),
  node('ip-10-0-1-30', {
    cpuPct: 20,
    memPct: 30,
    pods: 4,
    cordoned: true,
    status: 'warning',
    reasons: [
      {
        code: 'NODES_CORDONED',
        severity: 'warning',
        message: 'Node is cordoned',
      },
    ],
  }),
];

export const workloads: WorkloadsResponse = {
  entityRef: 'component:default/trading-api',
  workloads: [
    {
      cluster: 'prod-eu',
      namespace: 'trading',
      kind: 'Deployment',
      name: 'trading-api',
      replicas: { desired: 10, ready: 9, available: 9, updated: 10 },
      containers: [
        {
          name: 'api',
          image: 'registry.example.com/trading-api:1.4.2',
          requests: { cpu: '500m', memory: '512Mi' },
          limits: { cpu: '1', memory: '1Gi' },
        },
      ],
      hpa: {
        name: 'trading-api',
        minReplicas: 3,
        maxReplicas: 10,
        currentReplicas: 10,
        desiredReplicas: 12,
        metrics: [
          { name: 'cpu', type: 'Utilization', current: 52, target: 70 },
        ],
        conditions: [
          { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale' },
          {
            type: 'ScalingActive',
            status: 'True',
            reason: 'ValidMetricFound',
          },
          {
            type: 'ScalingLimited',
            status: 'True',
            reason: 'TooManyReplicas',
            message: 'the desired replica count is more than the maximum',
          },
        ],
        pinnedAtMaxSince: new Date(Date.now() - 12 * 60_000).toISOString(),
        status: 'warning',
        reasons: [
          {
            code: 'HPA_AT_MAX',
            severity: 'warning',
            message: 'HPA pinned at max replicas (10)',
          },
        ],
      },
      vpa: {
        name: 'trading-api',
        updateMode: 'Off',
        controlledResources: ['memory'],
        recommendations: [
          {
            container: 'api',
            target: { cpu: '350m', memory: '640Mi' },
            lowerBound: { cpu: '200m', memory: '512Mi' },
            upperBound: { cpu: '1', memory: '1Gi' },
          },
        ],
      },
      status: 'warning',
      reasons: [
        {
          code: 'REPLICAS_UNAVAILABLE',
          severity: 'warning',
          message: '1 of 10 replicas unavailable',
        },
      ],
    },
  ],
  errors: [{ cluster: 'dr-us', message: 'cluster dr-us is unreachable' }],
};
