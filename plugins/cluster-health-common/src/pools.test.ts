import { DEFAULT_NODE_POOLS } from './constants';
import { podTargetsPool, resolveNodePool } from './pools';

describe('resolveNodePool', () => {
  it('matches the configured pools by selector', () => {
    expect(
      resolveNodePool({ role: 'ai-inference', other: 'x' }, DEFAULT_NODE_POOLS),
    ).toMatchObject({ name: 'ai-inference', source: 'config' });
  });

  it('discovers pools from well-known labels when no configured pool matches', () => {
    expect(
      resolveNodePool(
        { 'eks.amazonaws.com/nodegroup': 'batch' },
        DEFAULT_NODE_POOLS,
      ),
    ).toEqual({ name: 'batch', source: 'discovered' });
    expect(resolveNodePool({ 'karpenter.sh/nodepool': 'spot' }, [])).toEqual({
      name: 'spot',
      source: 'discovered',
    });
    expect(
      resolveNodePool({ 'cloud.google.com/gke-nodepool': 'a', role: 'b' }, []),
    ).toEqual({ name: 'b', source: 'discovered' });
  });

  it('prefers configuration over discovery, and returns undefined for unlabelled nodes', () => {
    expect(
      resolveNodePool(
        { role: 'general', 'eks.amazonaws.com/nodegroup': 'ng-1' },
        DEFAULT_NODE_POOLS,
      )?.name,
    ).toBe('general');
    expect(
      resolveNodePool({ 'kubernetes.io/os': 'linux' }, DEFAULT_NODE_POOLS),
    ).toBeUndefined();
    expect(resolveNodePool(undefined, DEFAULT_NODE_POOLS)).toBeUndefined();
  });

  it('never matches an empty selector', () => {
    expect(
      resolveNodePool({ a: 'b' }, [{ name: 'all', selector: {} }]),
    ).toBeUndefined();
  });
});

describe('podTargetsPool', () => {
  const gpu = { role: 'ai-inference' };
  it('follows nodeSelector', () => {
    expect(
      podTargetsPool({ nodeSelector: { role: 'ai-inference' } }, gpu),
    ).toBe(true);
    expect(podTargetsPool({ nodeSelector: { role: 'general' } }, gpu)).toBe(
      false,
    );
  });

  it('follows required node affinity terms (any term, all expressions)', () => {
    const placement = {
      requiredTerms: [
        [{ key: 'role', operator: 'In', values: ['general', 'ai-inference'] }],
      ],
    };
    expect(podTargetsPool(placement, gpu)).toBe(true);
    expect(podTargetsPool(placement, { role: 'data-processing' })).toBe(false);
    expect(
      podTargetsPool(
        {
          requiredTerms: [
            [{ key: 'role', operator: 'NotIn', values: ['general'] }],
          ],
        },
        gpu,
      ),
    ).toBe(true);
  });

  it('attributes unconstrained pods to no pool', () => {
    expect(podTargetsPool({}, gpu)).toBe(false);
  });
});
