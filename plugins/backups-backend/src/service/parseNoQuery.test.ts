import { InputError } from '@backstage/errors';
import { parseNoQuery } from './parseNoQuery';

describe('parseNoQuery', () => {
  it('accepts no parameters', () => {
    expect(() => parseNoQuery({})).not.toThrow();
  });

  it('refuses any parameter, naming it', () => {
    expect(() => parseNoQuery({ page: '2' })).toThrow(InputError);
    expect(() => parseNoQuery({ page: '2' })).toThrow(/page/);
  });
});
