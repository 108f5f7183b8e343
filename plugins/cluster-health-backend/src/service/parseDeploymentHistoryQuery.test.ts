import { parseDeploymentHistoryQuery } from './parseDeploymentHistoryQuery';

describe('parseDeploymentHistoryQuery', () => {
  it('reads the entity ref and the limit, defaulting it to 5', () => {
    const entityRef = {
      kind: 'component',
      namespace: 'default',
      name: 'trading-api',
    };
    expect(
      parseDeploymentHistoryQuery({ entityRef: 'component:trading-api' }),
    ).toEqual({ entityRef, limit: 5 });
    expect(
      parseDeploymentHistoryQuery({
        entityRef: 'component:default/trading-api',
        limit: '20',
      }),
    ).toEqual({ entityRef, limit: 20 });
  });

  it.each([
    [{}, 'Required, e.g. component:default/trading-api at "entityRef"'],
    [{ entityRef: 'trading-api' }, 'at "entityRef"'],
    [
      { entityRef: ['component:a', 'component:b'] },
      'Expected string, received array at "entityRef"',
    ],
    [{ entityRef: 'component:a', limit: '0' }, 'at "limit"'],
    [{ entityRef: 'component:a', limit: '21' }, 'at "limit"'],
    [
      { entityRef: 'component:a', limit: '2.5' },
      'Must be a whole number at "limit"',
    ],
    [
      { entityRef: 'component:a', limit: ['1', '2'] },
      'Expected string, received array at "limit"',
    ],
    [
      { entityRef: 'component:a', cluster: 'x' },
      "Unrecognized key(s) in object: 'cluster'",
    ],
  ])('rejects %j with a message naming the field', (query, message) => {
    expect(() => parseDeploymentHistoryQuery(query)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringContaining(message),
      }),
    );
  });
});
