import { parseAlertFilters } from './parseAlertFilters';

describe('parseAlertFilters', () => {
  it('reads every filter', () => {
    expect(
      parseAlertFilters({
        entityRef: 'component:trading-api',
        priority: 'high,medium',
        state: ['firing', 'silenced'],
        receiver: 'critical',
      }),
    ).toEqual({
      entityRef: 'component:default/trading-api',
      priority: ['high', 'medium'],
      state: ['firing', 'silenced'],
      receiver: 'critical',
    });
    expect(parseAlertFilters({})).toEqual({
      entityRef: undefined,
      priority: undefined,
      state: undefined,
      receiver: undefined,
    });
  });

  it('rejects unknown values with a message', () => {
    expect(() => parseAlertFilters({ priority: 'urgent' })).toThrow(
      "Invalid priority 'urgent': use high, medium, low, none",
    );
    expect(() => parseAlertFilters({ state: 'resolved' })).toThrow(
      "Invalid state 'resolved'",
    );
    expect(() => parseAlertFilters({ entityRef: 'trading-api' })).toThrow(
      "Invalid entityRef 'trading-api'",
    );
    expect(() => parseAlertFilters({ receiver: ['a', 'b'] })).toThrow(
      'Invalid receiver',
    );
  });
});
