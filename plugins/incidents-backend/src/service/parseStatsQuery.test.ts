import { parseStatsQuery } from './parseStatsQuery';

describe('parseStatsQuery', () => {
  it('defaults to 30 days', () => {
    expect(parseStatsQuery({})).toBe('30d');
    expect(parseStatsQuery({ window: '90d' })).toBe('90d');
  });

  it('refuses another window naming it', () => {
    expect(() => parseStatsQuery({ window: '1y' })).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringContaining('at "window"'),
      }),
    );
  });
});
