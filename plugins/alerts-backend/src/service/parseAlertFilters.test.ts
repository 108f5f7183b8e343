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
    expect(parseAlertFilters({})).toEqual({});
    expect(
      parseAlertFilters({ entityRef: '', priority: '', state: ',' }),
    ).toEqual({ priority: undefined, state: undefined });
  });

  it.each([
    [{ priority: 'urgent' }, 'received \'urgent\' at "priority[0]"'],
    [{ priority: 'high,urgent' }, 'received \'urgent\' at "priority[1]"'],
    [{ state: 'resolved' }, 'received \'resolved\' at "state[0]"'],
    [{ entityRef: 'trading-api' }, 'at "entityRef"'],
    [{ receiver: ['a', 'b'] }, 'Expected string, received array at "receiver"'],
    [{ receiver: { a: { b: 'c' } } }, 'at "receiver"'],
    [{ receiver: 'x'.repeat(129) }, 'at most 128 character(s) at "receiver"'],
    [{ receiver: 'a\u0000b' }, 'control characters at "receiver"'],
    [{ source: 'nope' }, "Unrecognized key(s) in object: 'source'"],
    [{ prority: 'high' }, "Unrecognized key(s) in object: 'prority'"],
  ])('rejects %j with a message naming the field', (query, message) => {
    expect(() => parseAlertFilters(query)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringContaining(message),
      }),
    );
  });

  it('lists the allowed priorities', () => {
    expect(() => parseAlertFilters({ priority: 'urgent' })).toThrow(
      "Expected 'high' | 'medium' | 'low' | 'none'",
    );
  });
});
