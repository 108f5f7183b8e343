import {
  byPriority,
  compactLabels,
  matchersForAlert,
  silencePhase,
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
    expect(silencePhase(silence, ends - 2 * HOUR)).toEqual({
      phase: 'expires',
      ms: 2 * HOUR,
    });
    expect(silencePhase(silence, ends - 42_000)).toEqual({
      phase: 'expires',
      ms: 42_000,
    });
    expect(silencePhase(silence, ends + 1)).toEqual({ phase: 'expired' });
  });

  it('says when a pending silence starts and that an expired one is over', () => {
    const starts = Date.parse(pendingSilence.startsAt);
    expect(silencePhase(pendingSilence, starts - 5 * 60_000)).toEqual({
      phase: 'starts',
      ms: 5 * 60_000,
    });
    expect(silencePhase(expiredSilence)).toEqual({ phase: 'expired' });
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

  it('lists the labels not shown elsewhere', () => {
    expect(compactLabels(cpuAlert.labels)).toEqual([
      'cluster=prod-eu',
      'node=general-1',
    ]);
  });

  it('sorts by priority', () => {
    expect([...alerts].sort(byPriority).map(a => a.priority)).toEqual([
      'high',
      'medium',
      'medium',
      'low',
      'none',
    ]);
  });
});
