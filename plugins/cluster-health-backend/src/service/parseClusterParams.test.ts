import { parseClusterParams } from './parseClusterParams';

describe('parseClusterParams', () => {
  it('reads the cluster and the optional pool', () => {
    expect(parseClusterParams({ cluster: 'fdp-cluster' })).toEqual({
      cluster: 'fdp-cluster',
    });
    expect(
      parseClusterParams({ cluster: 'fdp-cluster', pool: 'general' }),
    ).toEqual({ cluster: 'fdp-cluster', pool: 'general' });
  });

  it.each([
    [{ cluster: 'a\u0000b' }, 'control characters at "cluster"'],
    [{ cluster: 'x'.repeat(254) }, 'at most 253 character(s) at "cluster"'],
    [
      { cluster: 'c', pool: 'p'.repeat(254) },
      'at most 253 character(s) at "pool"',
    ],
  ])('rejects %j with a message naming the parameter', (params, message) => {
    expect(() => parseClusterParams(params)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringContaining(message),
      }),
    );
  });
});
