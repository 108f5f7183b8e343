import { parseNoQuery } from './parseNoQuery';

describe('parseNoQuery', () => {
  it('accepts no parameters and refuses any, naming it', () => {
    expect(() => parseNoQuery({})).not.toThrow();
    expect(() => parseNoQuery({ level: 'P1' })).toThrow(
      "Invalid query: Unrecognized key(s) in object: 'level'",
    );
  });
});
