import {
  formatMatchers,
  formatRemaining,
  priorityRank,
  type AlertPriority,
  type Matcher,
  type NormalizedAlert,
  type Silence,
} from '@fdp/plugin-alerts-common';

export const PRIORITIES: AlertPriority[] = ['high', 'medium', 'low', 'none'];

export const PRIORITY_LABELS: Record<AlertPriority, string> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  none: 'None',
};

/** Chip colours: high red, medium orange, low blue, none grey. */
export const PRIORITY_COLORS: Record<AlertPriority, string> = {
  high: '#d32f2f',
  medium: '#ed6c02',
  low: '#0288d1',
  none: '#757575',
};

/** Time since an ISO time in words: `just now`, `12m ago`, `3h ago`, `2d ago`. */
export function formatAgo(iso: string | undefined, now = Date.now()): string {
  if (!iso) {
    return '–';
  }
  const ms = now - Date.parse(iso);
  if (!Number.isFinite(ms)) {
    return '–';
  }
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) {
    return 'just now';
  }
  if (minutes < 60) {
    return `${minutes}m ago`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    return `${hours}h ago`;
  }
  return `${Math.floor(hours / 24)}d ago`;
}

/** An ISO time as `2026-11-22 00:05 UTC`, the same for every reader. */
export function formatTime(iso: string | undefined): string {
  if (!iso) {
    return '–';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A `for` in seconds as `15m`, `1h 30m`, `0s`. */
export function formatFor(seconds: number): string {
  if (!seconds) {
    return '0s';
  }
  if (seconds < 60) {
    return `${seconds}s`;
  }
  const minutes = Math.floor(seconds / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) {
    return `${m}m`;
  }
  return m ? `${h}h ${m}m` : `${h}h`;
}

/**
 * Where a silence is in its life: `expires in 1h 59m`, `starts in 5m`,
 * `expired`.
 */
export function silenceCountdown(silence: Silence, now = Date.now()): string {
  if (silence.state === 'expired') {
    return 'expired';
  }
  const starts = Date.parse(silence.startsAt);
  if (silence.state === 'pending' || starts > now) {
    return `starts in ${formatRemaining(starts - now)}`;
  }
  const remaining = Date.parse(silence.endsAt) - now;
  return remaining > 0 ? `expires in ${formatRemaining(remaining)}` : 'expired';
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

/** Counts by priority of a list of alerts. */
export function countByPriority(
  alerts: NormalizedAlert[],
): Record<AlertPriority, number> {
  const counts: Record<AlertPriority, number> = {
    high: 0,
    medium: 0,
    low: 0,
    none: 0,
  };
  for (const alert of alerts) {
    counts[alert.priority] = (counts[alert.priority] ?? 0) + 1;
  }
  return counts;
}
