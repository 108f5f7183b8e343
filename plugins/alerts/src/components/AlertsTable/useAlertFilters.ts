import { useSearchParams } from 'react-router-dom';
import {
  ALERT_PRIORITIES,
  ALERT_STATES,
  type AlertFilters,
  type AlertPriority,
  type AlertState,
} from '@fdp/plugin-alerts-common';

/** The page's filters as kept in the URL: one value each (`?priority=high&entityRef=...`). */
export interface PageFilters {
  priority?: AlertPriority;
  state?: AlertState;
  entityRef?: string;
  receiver?: string;
}

/** The page's filters as the shared {@link AlertFilters}, without `ignore`. */
export function toAlertFilters(
  filters: PageFilters,
  ignore?: keyof PageFilters,
): AlertFilters {
  const keep = <K extends keyof PageFilters>(key: K) =>
    key === ignore ? undefined : filters[key];
  const priority = keep('priority');
  const state = keep('state');
  return {
    entityRef: keep('entityRef'),
    receiver: keep('receiver'),
    priority: priority ? [priority] : undefined,
    state: state ? [state] : undefined,
  };
}

/** The filters of the URL, and a setter that replaces them. */
export function useAlertFilters(): [PageFilters, (next: PageFilters) => void] {
  const [params, setParams] = useSearchParams();
  const priority = params.get('priority') as AlertPriority | null;
  const state = params.get('state') as AlertState | null;
  const filters: PageFilters = {
    priority:
      priority && ALERT_PRIORITIES.includes(priority) ? priority : undefined,
    state: state && ALERT_STATES.includes(state) ? state : undefined,
    entityRef: params.get('entityRef') || undefined,
    receiver: params.get('receiver') || undefined,
  };
  const setFilters = (next: PageFilters) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) {
      if (value) {
        search.set(key, value);
      }
    }
    setParams(search, { replace: true });
  };
  return [filters, setFilters];
}
