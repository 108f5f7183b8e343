import { InputError } from '@backstage/errors';
import { parseTargetName } from './parseTargetName';

describe('parseTargetName', () => {
  it('takes a target name', () => {
    expect(parseTargetName({ name: 'trading-db' })).toBe('trading-db');
  });

  it.each(['Trading_DB', '-x', 'a'.repeat(64), 'a\u0000b'])(
    'refuses %j with a 400',
    name => {
      expect(() => parseTargetName({ name })).toThrow(InputError);
      expect(() => parseTargetName({ name })).toThrow(/target name/);
    },
  );
});
