import { Interner, trimObject } from './trim';

const pod = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name,
    namespace: 'trading',
    uid: `uid-${name}`,
    resourceVersion: '42',
    labels: { app: 'trading-api' },
    annotations: { 'prometheus.io/scrape': 'true' },
    ownerReferences: [
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        name: 'rs',
        uid: 'u1',
        controller: true,
      },
    ],
    creationTimestamp: '2024-01-01T00:00:00Z',
    managedFields: [{ manager: 'x' }],
  },
  spec: {
    nodeName: 'general-1',
    nodeSelector: { role: 'general' },
    affinity: {
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: {} },
      podAntiAffinity: { big: true },
    },
    tolerations: [{ key: 'k', operator: 'Exists' }],
    containers: [
      {
        name: 'trading-api',
        image: 'trading-api:1.0.0',
        env: [{ name: 'A', value: 'b' }],
        resources: { requests: { cpu: '1' }, limits: { cpu: '2' } },
      },
    ],
    volumes: [{ name: 'v' }],
  },
  status: {
    phase: 'Running',
    podIP: '10.0.0.1',
    conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null }],
    containerStatuses: [
      {
        name: 'trading-api',
        ready: true,
        restartCount: 2,
        state: { running: { startedAt: 't' } },
        lastState: {},
        image: 'trading-api:1.0.0',
        imageID: 'sha',
      },
    ],
  },
});

describe('trimObject', () => {
  it('keeps only what cluster health needs of a pod', () => {
    expect(trimObject('pods', pod('p1'))).toEqual({
      metadata: {
        name: 'p1',
        namespace: 'trading',
        uid: 'uid-p1',
        resourceVersion: '42',
        labels: { app: 'trading-api' },
        ownerReferences: [
          { kind: 'ReplicaSet', name: 'rs', uid: 'u1', controller: true },
        ],
        creationTimestamp: '2024-01-01T00:00:00Z',
      },
      spec: {
        nodeName: 'general-1',
        nodeSelector: { role: 'general' },
        affinity: {
          nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: {} },
        },
        tolerations: [{ key: 'k', operator: 'Exists' }],
        containers: [
          {
            name: 'trading-api',
            resources: { requests: { cpu: '1' }, limits: { cpu: '2' } },
          },
        ],
      },
      status: {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: [
          {
            name: 'trading-api',
            ready: true,
            restartCount: 2,
            state: { running: { startedAt: 't' } },
          },
        ],
      },
    });
  });

  it('shares equal parts between replicas', () => {
    const interner = new Interner();
    const a = trimObject('pods', pod('a'), interner);
    const b = trimObject('pods', pod('b'), interner);
    expect(a.metadata.labels).toBe(b.metadata.labels);
    expect(a.spec.containers).toBe(b.spec.containers);
    expect(a.spec.tolerations).toBe(b.spec.tolerations);
    expect(Object.isFrozen(a.spec.containers[0].resources)).toBe(true);
  });

  it('keeps at most maxEntries interned values, dropping the least recently used', () => {
    const interner = new Interner(2);
    const a = interner.intern({ app: 'a' });
    const b = interner.intern({ app: 'b' });
    expect(interner.intern({ app: 'a' })).toBe(a);
    interner.intern({ app: 'c' });
    expect(interner.size).toBe(2);
    expect(interner.intern({ app: 'a' })).toBe(a);
    expect(interner.intern({ app: 'b' })).not.toBe(b);
  });

  it('trims nodes to conditions, capacity, taints and short annotations', () => {
    const node = trimObject('nodes', {
      metadata: {
        name: 'n1',
        labels: { role: 'general' },
        annotations: { short: 'x', long: 'y'.repeat(1000) },
        creationTimestamp: 't',
      },
      spec: {
        unschedulable: true,
        taints: [{ key: 'a', effect: 'NoSchedule' }],
        podCIDR: 'x',
      },
      status: {
        conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }],
        allocatable: { cpu: '7910m' },
        capacity: { cpu: '8' },
        nodeInfo: { kubeletVersion: 'v1.29.6', osImage: 'linux' },
        images: [{ names: ['big'] }],
      },
    });
    expect(node).toEqual({
      metadata: {
        name: 'n1',
        labels: { role: 'general' },
        annotations: { short: 'x' },
        creationTimestamp: 't',
      },
      spec: {
        unschedulable: true,
        taints: [{ key: 'a', effect: 'NoSchedule' }],
      },
      status: {
        conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }],
        allocatable: { cpu: '7910m' },
        capacity: { cpu: '8' },
        nodeInfo: { kubeletVersion: 'v1.29.6' },
      },
    });
  });

  it('keeps deployment resources and images, and whole HPA spec and status', () => {
    const d = trimObject('deployments', {
      metadata: { name: 'd', namespace: 'n' },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'd' } },
        strategy: { type: 'RollingUpdate' },
        template: {
          metadata: { labels: { app: 'd' } },
          spec: {
            nodeSelector: { role: 'general' },
            containers: [
              {
                name: 'c',
                image: 'i',
                resources: { requests: { cpu: '1' } },
                ports: [],
              },
            ],
          },
        },
      },
      status: { readyReplicas: 3 },
    });
    expect(d.spec).toEqual({
      replicas: 3,
      selector: { matchLabels: { app: 'd' } },
      template: {
        metadata: { labels: { app: 'd' } },
        spec: {
          nodeSelector: { role: 'general' },
          containers: [
            { name: 'c', image: 'i', resources: { requests: { cpu: '1' } } },
          ],
        },
      },
    });
    expect(d.status).toEqual({ readyReplicas: 3 });
    const hpa = {
      metadata: { name: 'h', namespace: 'n' },
      spec: { a: 1 },
      status: { b: 2 },
    };
    expect(trimObject('horizontalpodautoscalers', hpa)).toEqual(hpa);
    expect(trimObject('verticalpodautoscalers', hpa)).toEqual(hpa);
  });
});
