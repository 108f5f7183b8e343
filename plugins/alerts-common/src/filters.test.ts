import { ALERT_STATES, alertMatchesFilters, countByPriority } from './filters';
import { NormalizedAlert } from './types';

const alert: NormalizedAlert = {
  fingerprint: 'f1',
  name: 'ApiErrorRateHigh',
  priority: 'high',
  state: 'firing',
  startsAt: '2026-11-22T00:00:00Z',
  labels: { alertname: 'ApiErrorRateHigh' },
  annotations: {},
  receivers: ['slack-critical', 'pagerduty'],
  entityRefs: ['component:default/trading-api'],
  silencedBy: [],
  inhibitedBy: [],
  sources: ['default'],
};

describe('alertMatchesFilters', () => {
  it('passes every alert without filters, and with empty lists', () => {
    expect(alertMatchesFilters(alert, {})).toBe(true);
    expect(alertMatchesFilters(alert, { priority: [], state: [] })).toBe(true);
  });

  it('needs every given filter to match', () => {
    expect(
      alertMatchesFilters(alert, {
        entityRef: 'component:default/trading-api',
        priority: ['medium', 'high'],
        state: ['firing'],
        receiver: 'pagerduty',
      }),
    ).toBe(true);
    expect(alertMatchesFilters(alert, { priority: ['low'] })).toBe(false);
    expect(alertMatchesFilters(alert, { state: ['pending'] })).toBe(false);
    expect(
      alertMatchesFilters(alert, { entityRef: 'component:default/other' }),
    ).toBe(false);
    expect(alertMatchesFilters(alert, { receiver: 'email' })).toBe(false);
  });
});

describe('countByPriority', () => {
  it('counts each priority, zero for the absent ones', () => {
    expect(
      countByPriority([
        alert,
        { priority: 'high' },
        { priority: 'low' },
      ] as NormalizedAlert[]),
    ).toEqual({ high: 2, medium: 0, low: 1, none: 0 });
  });

  it('lists the four states', () => {
    expect(ALERT_STATES).toEqual([
      'firing',
      'pending',
      'silenced',
      'inhibited',
    ]);
  });
});
