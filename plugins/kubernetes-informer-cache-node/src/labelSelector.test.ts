import {
  matchesLabelSelector,
  parseLabelSelector,
  toLabelRequirements,
} from './labelSelector';

const labels = {
  app: 'trading-api',
  tier: 'backend',
  'backstage.io/kubernetes-id': 'trading-api',
  rank: '7',
};

describe('parseLabelSelector', () => {
  it('parses every operator', () => {
    expect(
      parseLabelSelector('a=b, c==d,e!=f,g in (h, i),j notin (k),l,!m,n>5,o<3'),
    ).toEqual([
      { key: 'a', operator: 'In', values: ['b'] },
      { key: 'c', operator: 'In', values: ['d'] },
      { key: 'e', operator: 'NotIn', values: ['f'] },
      { key: 'g', operator: 'In', values: ['h', 'i'] },
      { key: 'j', operator: 'NotIn', values: ['k'] },
      { key: 'l', operator: 'Exists', values: [] },
      { key: 'm', operator: 'DoesNotExist', values: [] },
      { key: 'n', operator: 'Gt', values: ['5'] },
      { key: 'o', operator: 'Lt', values: ['3'] },
    ]);
    expect(parseLabelSelector('')).toEqual([]);
  });

  it('rejects invalid selectors', () => {
    expect(() => parseLabelSelector('a in (b')).toThrow(/unbalanced/);
    expect(() => parseLabelSelector('a=b,,c')).toThrow(/empty term/);
    expect(() => parseLabelSelector('a>b')).toThrow(/integer/);
    expect(() => parseLabelSelector('-a=b')).toThrow(/invalid label key/);
    expect(() => parseLabelSelector('a=b c')).toThrow();
  });
});

describe('matchesLabelSelector', () => {
  it.each([
    ['backstage.io/kubernetes-id=trading-api', true],
    ['backstage.io/kubernetes-id=other', false],
    ['app=trading-api,tier=backend', true],
    ['app=trading-api,tier=frontend', false],
    ['tier!=frontend', true],
    ['missing!=x', true],
    ['tier in (backend,frontend)', true],
    ['tier notin (backend)', false],
    ['missing notin (backend)', true],
    ['app', true],
    ['missing', false],
    ['!missing', true],
    ['!app', false],
    ['rank>5', true],
    ['rank<5', false],
    ['tier>5', false],
    ['', true],
  ])('%s → %s', (selector, expected) => {
    expect(matchesLabelSelector(labels, selector)).toBe(expected);
  });

  it('accepts maps, the object form and undefined labels', () => {
    expect(matchesLabelSelector(labels, { app: 'trading-api' })).toBe(true);
    expect(matchesLabelSelector(labels, { app: 'x' })).toBe(false);
    expect(matchesLabelSelector(labels, {})).toBe(true);
    expect(
      matchesLabelSelector(labels, {
        matchLabels: { app: 'trading-api' },
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['backend'] },
        ],
      }),
    ).toBe(true);
    expect(
      matchesLabelSelector(labels, {
        matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }],
      }),
    ).toBe(false);
    expect(matchesLabelSelector(undefined, 'app')).toBe(false);
    expect(matchesLabelSelector(undefined, '!app')).toBe(true);
    expect(() =>
      toLabelRequirements({
        matchExpressions: [{ key: 'a', operator: 'Near' }],
      }),
    ).toThrow(/unknown/);
  });

  it('does not match inherited properties', () => {
    expect(matchesLabelSelector({}, 'constructor')).toBe(false);
  });
});
