import { ReplicaSetObject, deploymentHistory } from './deployments';

const deployment = {
  metadata: { name: 'trading-api', namespace: 'trading', uid: 'd-1' },
};

function rs(
  revision: number,
  image: string,
  replicas: number,
  ready: number,
  owner = { kind: 'Deployment', name: 'trading-api', uid: 'd-1' },
): ReplicaSetObject {
  return {
    metadata: {
      name: `trading-api-${revision}`,
      namespace: 'trading',
      creationTimestamp: `2026-11-0${revision}T00:00:00Z`,
      annotations: { 'deployment.kubernetes.io/revision': String(revision) },
      ownerReferences: [owner],
    },
    spec: {
      replicas,
      template: { spec: { containers: [{ image }, { image: 'envoy:1.30' }] } },
    },
    status: { replicas, readyReplicas: ready },
  };
}

describe('deploymentHistory', () => {
  it('lists the owned revisions newest first, the newest current', () => {
    const history = deploymentHistory('fdp', deployment, [
      rs(1, 'trading-api:1.0.0', 0, 0),
      rs(3, 'trading-api:1.2.0', 3, 2),
      rs(2, 'trading-api:1.1.0', 0, 0),
      rs(9, 'other:1', 1, 1, { kind: 'Deployment', name: 'other', uid: 'x' }),
      rs(8, 'same-name-new-uid:1', 1, 1, {
        kind: 'Deployment',
        name: 'trading-api',
        uid: 'd-0',
      }),
    ]);
    expect(history).toEqual({
      cluster: 'fdp',
      namespace: 'trading',
      name: 'trading-api',
      revisions: [
        {
          revision: 3,
          replicaSet: 'trading-api-3',
          images: ['trading-api:1.2.0', 'envoy:1.30'],
          createdAt: '2026-11-03T00:00:00Z',
          replicas: { desired: 3, ready: 2 },
          current: true,
        },
        expect.objectContaining({ revision: 2, current: false }),
        expect.objectContaining({
          revision: 1,
          images: ['trading-api:1.0.0', 'envoy:1.30'],
          replicas: { desired: 0, ready: 0 },
          current: false,
        }),
      ],
    });
  });

  it('keeps at most `limit` revisions', () => {
    const sets = [1, 2, 3, 4, 5, 6, 7].map(r => rs(r, `img:${r}`, 0, 0));
    const { revisions } = deploymentHistory('fdp', deployment, sets, 2);
    expect(revisions.map(r => r.revision)).toEqual([7, 6]);
    expect(deploymentHistory('fdp', deployment, sets).revisions).toHaveLength(
      5,
    );
  });

  it('has no revisions before the controller made a ReplicaSet', () => {
    expect(deploymentHistory('fdp', deployment, []).revisions).toEqual([]);
  });
});
