import { parseNoQuery } from './parseNoQuery';

describe('parseNoQuery', () => {
  it('accepts no parameters and rejects any, by name', () => {
    expect(() => parseNoQuery({})).not.toThrow();
    expect(() => parseNoQuery({ source: 'nope', state: 'x' })).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message:
          "Invalid query: Unrecognized key(s) in object: 'source', 'state'",
      }),
    );
  });
});
