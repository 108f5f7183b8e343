import {
  DeploymentObject,
  HpaObject,
  VpaObject,
  evaluateHpa,
  evaluateVpa,
  evaluateWorkload,
} from './workloads';

// The trading-api manifests as the infrastructure design document gives them.
const deployment: DeploymentObject = {
  metadata: { name: 'trading-api', namespace: 'trading' },
  spec: {
    replicas: 3,
    template: {
      spec: {
        containers: [
          {
            name: 'trading-api',
            image: 'trading-api:1.0.0',
            resources: {
              requests: { cpu: '1', memory: '2Gi' },
              limits: { cpu: '2', memory: '4Gi' },
            },
          },
        ],
      },
    },
  },
  status: {
    replicas: 3,
    readyReplicas: 3,
    availableReplicas: 3,
    updatedReplicas: 3,
  },
};

const hpa = (status: HpaObject['status']): HpaObject => ({
  metadata: { name: 'trading-api-hpa', namespace: 'trading' },
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
  status,
});

const vpa: VpaObject = {
  metadata: { name: 'trading-api-vpa', namespace: 'trading' },
  spec: {
    targetRef: { kind: 'Deployment', name: 'trading-api' },
    updatePolicy: { updateMode: 'Auto' },
  },
  status: {
    recommendation: {
      containerRecommendations: [
        {
          containerName: 'trading-api',
          target: { cpu: '1200m', memory: '2500Mi' },
          lowerBound: { cpu: '800m', memory: '2Gi' },
          upperBound: { cpu: '2', memory: '4Gi' },
        },
      ],
    },
  },
};

describe('evaluateHpa', () => {
  it('reads replicas and current vs target CPU', () => {
    const result = evaluateHpa(
      hpa({
        currentReplicas: 3,
        desiredReplicas: 3,
        currentMetrics: [
          {
            type: 'Resource',
            resource: { name: 'cpu', current: { averageUtilization: 52 } },
          },
        ],
        conditions: [
          { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale' },
          { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound' },
          {
            type: 'ScalingLimited',
            status: 'False',
            reason: 'DesiredWithinRange',
          },
        ],
      }),
    );
    expect(result).toMatchObject({
      minReplicas: 3,
      maxReplicas: 10,
      currentReplicas: 3,
      desiredReplicas: 3,
      metrics: [{ name: 'cpu', type: 'Utilization', current: 52, target: 70 }],
      status: 'healthy',
      reasons: [],
    });
    expect(result.pinnedAtMaxSince).toBeUndefined();
  });

  it('says how long it has been pinned at max', () => {
    const result = evaluateHpa(
      hpa({
        currentReplicas: 10,
        desiredReplicas: 10,
        conditions: [
          {
            type: 'ScalingLimited',
            status: 'True',
            reason: 'TooManyReplicas',
            lastTransitionTime: '2026-11-21T10:00:00Z',
          },
        ],
      }),
      new Date('2026-11-21T10:12:00Z'),
    );
    expect(result.status).toBe('warning');
    expect(result.pinnedAtMaxSince).toBe('2026-11-21T10:00:00Z');
    expect(result.reasons).toEqual([
      {
        code: 'HPA_AT_MAX',
        severity: 'warning',
        message:
          'At its maximum of 10 replicas for 12 min: more load cannot be absorbed',
      },
    ]);
  });

  it('is critical when unable to scale and warns when metrics are missing', () => {
    const result = evaluateHpa(
      hpa({
        currentReplicas: 3,
        conditions: [
          { type: 'AbleToScale', status: 'False', reason: 'FailedGetScale' },
          {
            type: 'ScalingActive',
            status: 'False',
            reason: 'FailedGetResourceMetric',
            message: 'no metrics',
          },
        ],
      }),
    );
    expect(result.status).toBe('critical');
    expect(result.reasons.map(r => r.code)).toEqual([
      'HPA_UNABLE_TO_SCALE',
      'HPA_METRICS_UNAVAILABLE',
    ]);
  });
});

describe('evaluateVpa', () => {
  it('reads mode and recommendation', () => {
    expect(evaluateVpa(vpa)).toEqual({
      name: 'trading-api-vpa',
      updateMode: 'Auto',
      controlledResources: ['cpu', 'memory'],
      recommendations: [
        {
          container: 'trading-api',
          target: { cpu: '1200m', memory: '2500Mi' },
          lowerBound: { cpu: '800m', memory: '2Gi' },
          upperBound: { cpu: '2', memory: '4Gi' },
        },
      ],
    });
  });
});

describe('evaluateWorkload', () => {
  it("reports the caller's policy findings among its reasons", () => {
    const finding = {
      code: 'HPA_AND_VPA_ON_CPU' as const,
      severity: 'warning' as const,
      message: 'HPA and VPA both act on CPU',
    };
    const result = evaluateWorkload({
      cluster: 'fdp-cluster',
      deployment,
      hpa: hpa({ currentReplicas: 3, desiredReplicas: 3 }),
      vpa,
      policyReasons: [finding],
    });
    expect(result).toMatchObject({
      cluster: 'fdp-cluster',
      namespace: 'trading',
      name: 'trading-api',
      replicas: { desired: 3, ready: 3, available: 3, updated: 3 },
      containers: [
        {
          name: 'trading-api',
          image: 'trading-api:1.0.0',
          requests: { cpu: '1', memory: '2Gi' },
          limits: { cpu: '2', memory: '4Gi' },
        },
      ],
      status: 'warning',
    });
    expect(result.reasons).toEqual([finding]);
  });

  it('judges no manifest policy itself (the lint of manifests-common does)', () => {
    expect(
      evaluateWorkload({
        cluster: 'c',
        deployment,
        hpa: hpa({ currentReplicas: 3 }),
        vpa,
      }).status,
    ).toBe('healthy');
  });

  it('reports unavailable replicas, critical when none is ready', () => {
    const some = evaluateWorkload({
      cluster: 'c',
      deployment: { ...deployment, status: { readyReplicas: 2 } },
    });
    expect(some.status).toBe('warning');
    expect(some.reasons[0].message).toBe('2 of 3 replicas ready');
    const none = evaluateWorkload({
      cluster: 'c',
      deployment: { ...deployment, status: {} },
    });
    expect(none.status).toBe('critical');
  });
});
