import { GPU_TOLERATION } from '../../pools';
import { cleanService, podOf } from '../../testing/cleanService';
import { lintManifests } from '../lintManifests';

const of = (objects: any[], ruleId: string) =>
  lintManifests(objects).filter(f => f.ruleId === ruleId);

describe('placement rules', () => {
  it('NODE_POOL_UNSET fires without a pool label or node affinity, not with either', () => {
    const objects = cleanService();
    podOf(objects).nodeSelector = { 'kubernetes.io/os': 'linux' };
    expect(of(objects, 'NODE_POOL_UNSET').map(f => f.severity)).toEqual([
      'warning',
    ]);
    podOf(objects).affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            {
              matchExpressions: [
                { key: 'role', operator: 'In', values: ['general'] },
              ],
            },
          ],
        },
      },
    };
    expect(of(objects, 'NODE_POOL_UNSET')).toEqual([]);
  });

  it('NODE_POOL_UNKNOWN fires for a pool label no pool has, naming the known pools', () => {
    const objects = cleanService();
    podOf(objects).nodeSelector = { role: 'gpu' };
    expect(
      of(objects, 'NODE_POOL_UNKNOWN').map(f => [f.severity, f.message]),
    ).toEqual([
      [
        'error',
        'nodeSelector role: gpu matches no node pool (general: role=general, ai-inference: role=ai-inference, data-processing: role=data-processing): the pods stay Pending',
      ],
    ]);
  });

  it('NODE_POOL_UNKNOWN follows the pools given', () => {
    const objects = cleanService();
    podOf(objects).nodeSelector = { role: 'batch' };
    const pools = [{ name: 'batch', selector: { role: 'batch' } }];
    expect(lintManifests(objects, { pools }).map(f => f.ruleId)).not.toContain(
      'NODE_POOL_UNKNOWN',
    );
    expect(
      lintManifests(cleanService(), { pools }).map(f => f.ruleId),
    ).toContain('NODE_POOL_UNKNOWN');
  });

  it('GPU_OUTSIDE_GPU_POOL fires for a GPU limit on general or on no pool, not on ai-inference', () => {
    const general = cleanService();
    podOf(general).containers[0].resources.limits['nvidia.com/gpu'] = 1;
    expect(of(general, 'GPU_OUTSIDE_GPU_POOL').map(f => f.message)).toEqual([
      'container svc asks for nvidia.com/gpu but the pods select pool general: only ai-inference has GPUs',
    ]);
    delete podOf(general).nodeSelector;
    expect(of(general, 'GPU_OUTSIDE_GPU_POOL')[0].message).toMatch(
      /the pods select no pool:/,
    );
    expect(of(cleanService('inference'), 'GPU_OUTSIDE_GPU_POOL')).toEqual([]);
  });

  it('GPU_TOLERATION_MISSING fires on the GPU pool without the toleration, not with it or a catch-all', () => {
    const objects = cleanService('inference');
    delete podOf(objects).tolerations;
    expect(
      of(objects, 'GPU_TOLERATION_MISSING').map(f => [f.severity, f.message]),
    ).toEqual([
      [
        'error',
        'pods select GPU pool ai-inference but do not tolerate its taint nvidia.com/gpu=present:NoSchedule: they stay Pending',
      ],
    ]);
    podOf(objects).tolerations = [
      {
        key: 'nvidia.com/gpu',
        operator: 'Equal',
        value: 'other',
        effect: 'NoSchedule',
      },
    ];
    expect(of(objects, 'GPU_TOLERATION_MISSING')).toHaveLength(1);
    podOf(objects).tolerations = [{ operator: 'Exists' }];
    expect(of(objects, 'GPU_TOLERATION_MISSING')).toEqual([]);
    podOf(objects).tolerations = [GPU_TOLERATION];
    expect(of(objects, 'GPU_TOLERATION_MISSING')).toEqual([]);
  });
});
