import { trimObject } from './trim';

describe('trimObject replicasets', () => {
  it('keeps what a revision history shows, and nothing of the pod spec but images', () => {
    const rs = trimObject('replicasets', {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: 'trading-api-5d8f',
        namespace: 'trading',
        uid: 'rs-1',
        resourceVersion: '42',
        labels: { app: 'trading-api', 'pod-template-hash': '5d8f' },
        annotations: {
          'deployment.kubernetes.io/revision': '3',
          'deployment.kubernetes.io/desired-replicas': '3',
          'deployment.kubernetes.io/max-replicas': '4',
        },
        creationTimestamp: '2026-11-30T01:00:00Z',
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: 'trading-api',
            uid: 'd-1',
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
        managedFields: [{ manager: 'kube-controller-manager' }],
      },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'trading-api' } },
        template: {
          metadata: { labels: { app: 'trading-api' } },
          spec: {
            nodeSelector: { role: 'general' },
            containers: [
              {
                name: 'trading-api',
                image: 'trading-api:1.2.0',
                env: [{ name: 'SECRET_REF', value: 'x' }],
                resources: { requests: { cpu: '1' } },
              },
            ],
          },
        },
      },
      status: {
        replicas: 3,
        readyReplicas: 2,
        availableReplicas: 2,
        conditions: [{ type: 'ReplicaFailure', status: 'False' }],
      },
    });
    expect(rs).toEqual({
      metadata: {
        name: 'trading-api-5d8f',
        namespace: 'trading',
        uid: 'rs-1',
        resourceVersion: '42',
        labels: { app: 'trading-api', 'pod-template-hash': '5d8f' },
        annotations: { 'deployment.kubernetes.io/revision': '3' },
        creationTimestamp: '2026-11-30T01:00:00Z',
        ownerReferences: [
          {
            kind: 'Deployment',
            name: 'trading-api',
            uid: 'd-1',
            controller: true,
          },
        ],
      },
      spec: {
        replicas: 3,
        template: {
          spec: {
            containers: [{ name: 'trading-api', image: 'trading-api:1.2.0' }],
          },
        },
      },
      status: { replicas: 3, readyReplicas: 2 },
    });
  });

  it('keeps a replica set scaled to zero without annotations', () => {
    const rs = trimObject('replicasets', {
      metadata: { name: 'old', namespace: 'trading' },
      spec: { replicas: 0 },
      status: { replicas: 0 },
    });
    expect(rs).toEqual({
      metadata: { name: 'old', namespace: 'trading' },
      spec: { replicas: 0 },
      status: { replicas: 0 },
    });
  });
});
