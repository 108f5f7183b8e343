import {
  formatMatchers,
  priorityRank,
  type Matcher,
  type NormalizedAlert,
  type Silence,
} from '@fdp/plugin-alerts-common';

/**
 * Where a silence is in its life, for a countdown: expired, starting in
 * `ms`, or expiring in `ms`.
 */
export function silencePhase(
  silence: Silence,
  now = Date.now(),
): { phase: 'expired' } | { phase: 'starts' | 'expires'; ms: number } {
  if (silence.state === 'expired') {
    return { phase: 'expired' };
  }
  const starts = Date.parse(silence.startsAt);
  if (silence.state === 'pending' || starts > now) {
    return { phase: 'starts', ms: starts - now };
  }
  const remaining = Date.parse(silence.endsAt) - now;
  return remaining > 0
    ? { phase: 'expires', ms: remaining }
    : { phase: 'expired' };
}

/** Labels that identify what an alert is about, for a silence's matchers. */
export const IDENTIFYING_LABELS = ['service', 'node'];

/** `alertname="X",service="y"`: matchers for silencing one alert. */
export function matchersForAlert(alert: NormalizedAlert): string {
  const matchers: Matcher[] = [
    {
      name: 'alertname',
      value: alert.labels.alertname ?? alert.name,
      isRegex: false,
      isEqual: true,
    },
  ];
  for (const name of IDENTIFYING_LABELS) {
    const value = alert.labels[name];
    if (value) {
      matchers.push({ name, value, isRegex: false, isEqual: true });
    }
  }
  return formatMatchers(matchers);
}

/** Labels as `k=v` strings, without the name and priority ones shown elsewhere. */
export function compactLabels(labels: Record<string, string>): string[] {
  return Object.entries(labels)
    .filter(([k]) => !['alertname', 'severity', 'priority'].includes(k))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`);
}

/** Alerts by priority (high first), then the longest-running first. */
export function byPriority(a: NormalizedAlert, b: NormalizedAlert): number {
  return (
    priorityRank(a.priority) - priorityRank(b.priority) ||
    Date.parse(a.startsAt) - Date.parse(b.startsAt) ||
    a.name.localeCompare(b.name)
  );
}
