import { parseWorkloadsQuery } from './parseWorkloadsQuery';

describe('parseWorkloadsQuery', () => {
  it('reads the entity ref, namespace defaulted', () => {
    expect(parseWorkloadsQuery({ entityRef: 'component:trading-api' })).toEqual(
      {
        entityRef: {
          kind: 'component',
          namespace: 'default',
          name: 'trading-api',
        },
      },
    );
  });

  it.each([
    [{}, 'Required, e.g. component:default/trading-api at "entityRef"'],
    [
      { entityRef: '' },
      'Required, e.g. component:default/trading-api at "entityRef"',
    ],
    [{ entityRef: 'trading-api' }, 'at "entityRef"'],
    [
      { entityRef: ['component:a', 'component:b'] },
      'Expected string, received array at "entityRef"',
    ],
    [
      { entityRef: { a: { b: 'c' } } },
      'Expected string, received object at "entityRef"',
    ],
    [
      { entityRef: `component:${'x'.repeat(600)}` },
      'at most 512 character(s) at "entityRef"',
    ],
    [{ entityRef: 'component:a\u0000' }, 'control characters at "entityRef"'],
    [
      { entityRef: 'component:a', cluster: 'x' },
      "Unrecognized key(s) in object: 'cluster'",
    ],
  ])('rejects %j with a message naming the field', (query, message) => {
    expect(() => parseWorkloadsQuery(query)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringContaining(message),
      }),
    );
  });
});
