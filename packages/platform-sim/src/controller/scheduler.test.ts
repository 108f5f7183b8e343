import { Scheduler } from './scheduler';

const node = (
  name: string,
  labels: Record<string, string>,
  alloc: Record<string, string>,
  taints: any[] = [],
) => ({
  metadata: { name, labels },
  spec: taints.length ? { taints } : {},
  status: { allocatable: { pods: '110', ...alloc } },
});
const spec = (requests: Record<string, string>, extra: object = {}) => ({
  containers: [{ name: 'c', image: 'i', resources: { requests } }],
  ...extra,
});

describe('Scheduler', () => {
  it('filters by node selector, required node affinity, taints and resources', () => {
    const s = new Scheduler();
    s.upsertNode(
      node('a', { role: 'general', zone: 'a' }, { cpu: '2', memory: '4Gi' }),
    );
    s.upsertNode(
      node('b', { role: 'general', zone: 'b' }, { cpu: '2', memory: '4Gi' }),
    );
    s.upsertNode(
      node(
        'g',
        { role: 'gpu' },
        { cpu: '4', memory: '16Gi', 'nvidia.com/gpu': '1' },
        [{ key: 'gpu', value: 'x', effect: 'NoSchedule' }],
      ),
    );
    expect(
      s.schedule(spec({ cpu: '1' }, { nodeSelector: { role: 'general' } }))
        .node,
    ).toMatch(/^[ab]$/);
    const affinity = {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              {
                matchExpressions: [
                  { key: 'zone', operator: 'In', values: ['b'] },
                ],
              },
            ],
          },
        },
      },
    };
    expect(s.schedule(spec({ cpu: '1' }, affinity)).node).toBe('b');
    expect(s.schedule(spec({ 'nvidia.com/gpu': '1' })).message).toBe(
      '0/3 nodes are available: 2 Insufficient nvidia.com/gpu, 1 node(s) had untolerated taint {gpu: x}. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    expect(
      s.schedule(
        spec(
          { 'nvidia.com/gpu': '1' },
          { tolerations: [{ key: 'gpu', operator: 'Exists' }] },
        ),
      ).node,
    ).toBe('g');
  });

  it('accounts requests of placed pods and frees them on delete', () => {
    const s = new Scheduler();
    s.upsertNode(node('a', {}, { cpu: '2', memory: '4Gi' }));
    const pod = (n: string) => ({
      metadata: { name: n },
      spec: { ...spec({ cpu: '1500m', memory: '1Gi' }), nodeName: 'a' },
      status: { phase: 'Running' },
    });
    expect(s.schedule(spec({ cpu: '1500m' })).node).toBe('a');
    s.accountPod('ns/p1', pod('p1'));
    expect(s.nodeUsage('a')).toMatchObject({ cpu: 1.5, pods: 1 });
    expect(s.schedule(spec({ cpu: '1' })).message).toContain(
      '1 Insufficient cpu',
    );
    s.accountPod('ns/p1', undefined);
    expect(s.nodeUsage('a')).toMatchObject({ cpu: 0, pods: 0 });
    expect(s.schedule(spec({ cpu: '1' })).node).toBe('a');
  });
});
