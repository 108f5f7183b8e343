import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  AlertPriority,
  AlertState,
  AlertsResponse,
  CreateSilenceRequest,
  RulesResponse,
  Silence,
  SilencesResponse,
} from '@fdp/plugin-alerts-common';

/**
 * Filters of {@link AlertsApi.getAlerts}; all optional, combined with AND.
 *
 * @public
 */
export interface AlertsQuery {
  /** only alerts of this catalog entity (`component:default/trading-api`) */
  entityRef?: string;
  priority?: AlertPriority;
  state?: AlertState;
  /** only alerts routed to this Alertmanager receiver */
  receiver?: string;
}

/**
 * Reads alerts, rules and silences from the alerts backend, and creates and
 * expires silences.
 *
 * @public
 */
export interface AlertsApi {
  /** Active alerts with their counts by priority and the sources that are down. */
  getAlerts(query?: AlertsQuery): Promise<AlertsResponse>;
  /** Alerting rules of every Prometheus source. */
  getRules(): Promise<RulesResponse>;
  /** Silences of every Alertmanager source. */
  getSilences(): Promise<SilencesResponse>;
  /** Creates a silence; rejects with a `ResponseError` (400, 403) when refused. */
  createSilence(request: CreateSilenceRequest): Promise<Silence>;
  /** Expires a silence, on the Alertmanager `source` that holds it. */
  expireSilence(id: string, source?: string): Promise<void>;
}

/** @public */
export const alertsApiRef = createApiRef<AlertsApi>().with({
  id: 'plugin.alerts.service',
  pluginId: 'alerts',
});
