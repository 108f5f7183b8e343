import { parseNoQuery } from './parseNoQuery';

describe('parseNoQuery', () => {
  it('accepts no parameters and rejects any, by name', () => {
    expect(() => parseNoQuery({})).not.toThrow();
    expect(() => parseNoQuery({ cluster: 'x', stale: 'true' })).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message:
          "Invalid query: Unrecognized key(s) in object: 'cluster', 'stale'",
      }),
    );
  });
});
