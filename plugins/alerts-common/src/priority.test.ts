import { priorityOf, priorityRank } from './priority';

describe('priorityOf', () => {
  it('prefers the priority label', () => {
    expect(priorityOf({ priority: 'high', severity: 'info' })).toBe('high');
    expect(priorityOf({ priority: 'LOW' })).toBe('low');
  });
  it('maps severity otherwise (critical→high, warning→medium, info→low)', () => {
    expect(priorityOf({ severity: 'critical' })).toBe('high');
    expect(priorityOf({ severity: 'warning' })).toBe('medium');
    expect(priorityOf({ severity: 'info' })).toBe('low');
    expect(priorityOf({ priority: 'urgent', severity: 'warning' })).toBe(
      'medium',
    );
  });
  it('is none without either, and honours a configured mapping', () => {
    expect(priorityOf({})).toBe('none');
    expect(priorityOf({ severity: 'page' }, { page: 'high' })).toBe('high');
  });
  it('ranks high first', () => {
    expect(
      ['low', 'none', 'high', 'medium'].sort(
        (a, b) => priorityRank(a as any) - priorityRank(b as any),
      ),
    ).toEqual(['high', 'medium', 'low', 'none']);
  });
});
