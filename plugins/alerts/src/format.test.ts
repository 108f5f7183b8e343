import {
  byPriority,
  compactLabels,
  countByPriority,
  formatAgo,
  formatFor,
  matchersForAlert,
  silenceCountdown,
} from './format';
import {
  alerts,
  cpuAlert,
  expiredSilence,
  latencyAlert,
  lagAlert,
  pendingSilence,
  silence,
} from './__testUtils__/fixtures';

const HOUR = 3_600_000;

describe('format', () => {
  it('counts down to the end of an active silence', () => {
    const ends = Date.parse(silence.endsAt);
    expect(silenceCountdown(silence, ends - 2 * HOUR)).toBe('expires in 2h 0m');
    expect(silenceCountdown(silence, ends - 2 * HOUR + 60_000)).toBe(
      'expires in 1h 59m',
    );
    expect(silenceCountdown(silence, ends - 42_000)).toBe('expires in 42s');
    expect(silenceCountdown(silence, ends + 1)).toBe('expired');
  });

  it('says when a pending silence starts and that an expired one is over', () => {
    const starts = Date.parse(pendingSilence.startsAt);
    expect(silenceCountdown(pendingSilence, starts - 5 * 60_000)).toBe(
      'starts in 5m',
    );
    expect(silenceCountdown(expiredSilence)).toBe('expired');
  });

  it('builds matchers from the alert name and its identifying labels', () => {
    expect(matchersForAlert(cpuAlert)).toBe(
      'alertname="NodeCpuUsageHigh",node="general-1"',
    );
    expect(matchersForAlert(latencyAlert)).toBe(
      'alertname="TradingApiLatencyHigh",service="trading-api"',
    );
    expect(matchersForAlert(lagAlert)).toBe('alertname="KafkaConsumerLag"');
  });

  it('formats times, durations and labels', () => {
    const now = Date.parse('2026-11-22T12:00:00Z');
    expect(formatAgo('2026-11-22T11:59:30Z', now)).toBe('just now');
    expect(formatAgo('2026-11-22T11:35:00Z', now)).toBe('25m ago');
    expect(formatAgo('2026-11-22T09:00:00Z', now)).toBe('3h ago');
    expect(formatAgo('2026-11-19T12:00:00Z', now)).toBe('3d ago');
    expect(formatAgo(undefined, now)).toBe('–');
    expect(formatFor(0)).toBe('0s');
    expect(formatFor(900)).toBe('15m');
    expect(formatFor(5400)).toBe('1h 30m');
    expect(compactLabels(cpuAlert.labels)).toEqual([
      'cluster=prod-eu',
      'node=general-1',
    ]);
  });

  it('sorts by priority and counts by priority', () => {
    expect([...alerts].sort(byPriority).map(a => a.priority)).toEqual([
      'high',
      'medium',
      'medium',
      'low',
      'none',
    ]);
    expect(countByPriority(alerts)).toEqual({
      high: 1,
      medium: 2,
      low: 1,
      none: 1,
    });
  });
});
