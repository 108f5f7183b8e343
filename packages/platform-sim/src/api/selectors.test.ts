import {
  checkFieldSelector,
  formatLabelSelector,
  labelSelectorToRequirements,
  matchesFields,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
} from './selectors';

describe('label selectors', () => {
  const labels = {
    app: 'trading-api',
    tier: 'api',
    'backstage.io/kubernetes-id': 'trading-api',
  };
  it.each([
    ['app=trading-api', true],
    ['app==trading-api', true],
    ['app!=trading-api', false],
    ['app in (a, trading-api)', true],
    ['app notin (trading-api)', false],
    ['tier', true],
    ['!tier', false],
    ['!missing,backstage.io/kubernetes-id=trading-api', true],
    ['missing notin (x)', true],
    ['missing in (x)', false],
    ['', true],
  ])('%s → %s', (sel, expected) => {
    expect(matchesLabels(parseLabelSelector(sel), labels)).toBe(expected);
  });

  it.each([
    'app===x',
    'app in (a',
    'app in ()',
    'a b',
    'app=x,',
    '-bad=x',
    'app=x y',
    'ex/=1',
  ])('rejects %p with a 400', sel => {
    expect(() => parseLabelSelector(sel)).toThrow(
      expect.objectContaining({ code: 400, reason: 'BadRequest' }),
    );
  });

  it('accepts an empty value', () => {
    expect(parseLabelSelector('app=')).toEqual([
      { key: 'app', op: '=', values: [''] },
    ]);
  });

  it('converts metav1.LabelSelector and formats it back', () => {
    const reqs = labelSelectorToRequirements({
      matchLabels: { app: 'x' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['a', 'b'] },
        { key: 'old', operator: 'DoesNotExist' },
      ],
    });
    expect(formatLabelSelector(reqs)).toBe('app=x,tier in (a,b),!old');
    expect(matchesLabels(reqs, { app: 'x', tier: 'b' })).toBe(true);
    expect(matchesLabels(reqs, { app: 'x', tier: 'b', old: '1' })).toBe(false);
  });
});

describe('field selectors', () => {
  const pod = {
    metadata: { name: 'p', namespace: 'n' },
    spec: { nodeName: 'general-1' },
    status: { phase: 'Running' },
  };
  it('matches supported fields', () => {
    expect(
      matchesFields(
        parseFieldSelector('spec.nodeName=general-1,status.phase!=Pending'),
        pod,
      ),
    ).toBe(true);
    expect(
      matchesFields(parseFieldSelector('metadata.namespace==other'), pod),
    ).toBe(false);
    expect(
      matchesFields(parseFieldSelector('spec.nodeName='), { ...pod, spec: {} }),
    ).toBe(true);
  });
  it('rejects unsupported fields and malformed input', () => {
    expect(() =>
      checkFieldSelector('Pod', parseFieldSelector('spec.colour=red')),
    ).toThrow(/field label not supported: spec.colour/);
    expect(() =>
      checkFieldSelector('Deployment', parseFieldSelector('spec.nodeName=x')),
    ).toThrow(/not supported/);
    expect(() => parseFieldSelector('justaword')).toThrow(/invalid selector/);
  });
});
