import { parseExpireSilence } from './parseExpireSilence';

describe('parseExpireSilence', () => {
  it('reads the id and the optional source', () => {
    expect(parseExpireSilence({ id: 's-1' }, {})).toEqual({ id: 's-1' });
    expect(parseExpireSilence({ id: 's-1' }, { source: 'eu' })).toEqual({
      id: 's-1',
      source: 'eu',
    });
  });

  it.each([
    [{ id: 'a\u0000' }, {}, 'Invalid silence id: Must not contain control'],
    [{ id: 'x'.repeat(129) }, {}, 'at most 128 character(s) at "id"'],
    [{ id: 's-1' }, { source: ['a', 'b'] }, 'Invalid query: Expected string'],
    [{ id: 's-1' }, { source: '' }, 'at "source"'],
    [{ id: 's-1' }, { sorce: 'eu' }, "Unrecognized key(s) in object: 'sorce'"],
  ])('rejects %j %j with a message', (params, query, message) => {
    expect(() => parseExpireSilence(params, query)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringContaining(message),
      }),
    );
  });
});
