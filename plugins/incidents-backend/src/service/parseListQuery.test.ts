import { parseListQuery } from './parseListQuery';

describe('parseListQuery', () => {
  it('defaults the page size and takes the filters', () => {
    expect(parseListQuery({})).toEqual({ limit: 50 });
    expect(
      parseListQuery({ status: 'open', level: 'P1', q: ' api ', limit: '5' }),
    ).toEqual({ status: 'open', level: 'P1', q: 'api', limit: 5 });
  });

  it.each([
    [{ status: 'pending' }, 'at "status"'],
    [{ limit: '101' }, 'at "limit"'],
    [{ level: ['P1', 'P2'] }, 'at "level"'],
    [{ sort: 'x' }, "Unrecognized key(s) in object: 'sort'"],
  ])('refuses %j naming the field', (query, message) => {
    expect(() => parseListQuery(query)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringContaining(message),
      }),
    );
  });
});
