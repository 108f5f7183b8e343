import { AlertPriority, AlertState, NormalizedAlert } from './types';

/** Every alert state, in the order the UI lists them. */
export const ALERT_STATES: readonly AlertState[] = [
  'firing',
  'pending',
  'silenced',
  'inhibited',
];

/**
 * What a list of alerts can be narrowed to (`GET /alerts` query and the
 * alerts page's filters); a missing or empty field does not filter.
 */
export interface AlertFilters {
  entityRef?: string;
  priority?: AlertPriority[];
  state?: AlertState[];
  receiver?: string;
}

/** Whether an alert passes every given filter. */
export function alertMatchesFilters(
  alert: NormalizedAlert,
  filters: AlertFilters,
): boolean {
  const { entityRef, priority, state, receiver } = filters;
  return (
    (!entityRef || alert.entityRefs.includes(entityRef)) &&
    (!priority?.length || priority.includes(alert.priority)) &&
    (!state?.length || state.includes(alert.state)) &&
    (!receiver || alert.receivers.includes(receiver))
  );
}

/** Counts by priority of a list of alerts (every priority present, 0 if none). */
export function countByPriority(
  alerts: readonly Pick<NormalizedAlert, 'priority'>[],
): Record<AlertPriority, number> {
  const counts: Record<AlertPriority, number> = {
    high: 0,
    medium: 0,
    low: 0,
    none: 0,
  };
  for (const alert of alerts) {
    counts[alert.priority]++;
  }
  return counts;
}
