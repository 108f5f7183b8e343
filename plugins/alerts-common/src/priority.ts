import { AlertPriority } from './types';

/** Severity label values and the priority they mean (configurable). */
export const DEFAULT_SEVERITY_PRIORITY: Record<string, AlertPriority> = {
  critical: 'high',
  error: 'high',
  warning: 'medium',
  info: 'low',
};

/** Every priority, highest first. */
export const ALERT_PRIORITIES: readonly AlertPriority[] = [
  'high',
  'medium',
  'low',
  'none',
];

/** The `priority` label when it is a known priority, else the mapped `severity`, else `none`. */
export function priorityOf(
  labels: Record<string, string>,
  severityPriority: Record<string, AlertPriority> = DEFAULT_SEVERITY_PRIORITY,
): AlertPriority {
  const p = labels.priority?.toLowerCase() as AlertPriority | undefined;
  if (p && ALERT_PRIORITIES.includes(p)) {
    return p;
  }
  const severity = labels.severity?.toLowerCase();
  return (severity && severityPriority[severity]) || 'none';
}

/** For sorting: high first. */
export function priorityRank(p: AlertPriority): number {
  return ALERT_PRIORITIES.indexOf(p);
}
