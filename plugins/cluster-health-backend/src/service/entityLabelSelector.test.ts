import { entityLabelSelector } from './entityLabelSelector';

describe('entityLabelSelector', () => {
  it('prefers backstage.io/kubernetes-label-selector, else the kubernetes-id', () => {
    expect(
      entityLabelSelector({
        'backstage.io/kubernetes-label-selector': ' app in (a,b),!canary ',
        'backstage.io/kubernetes-id': 'ignored',
      }),
    ).toBe('app in (a,b),!canary');
    expect(
      entityLabelSelector({ 'backstage.io/kubernetes-id': 'trading-api' }),
    ).toBe('backstage.io/kubernetes-id=trading-api');
    expect(entityLabelSelector({})).toBeUndefined();
    expect(entityLabelSelector(undefined)).toBeUndefined();
  });

  it('names the annotation of a selector that does not parse, in a 400', () => {
    expect(() =>
      entityLabelSelector({
        'backstage.io/kubernetes-label-selector': 'app in trading-api',
      }),
    ).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringMatching(
          /^Invalid backstage.io\/kubernetes-label-selector of the entity: /,
        ),
      }),
    );
  });
});
