/**
 * Alerts: the alerts page with silences and rules, an entity card and a home
 * card.
 *
 * @packageDocumentation
 */
import { alertsPlugin } from './plugin';

export default alertsPlugin;

export {
  alertsPlugin,
  alertsApi,
  alertsPage,
  alertsEntityCard,
} from './plugin';
export { alertsLegacyPlugin, AlertsPage, EntityAlertsCard } from './legacy';
export { AlertsClient, alertsApiRef } from './api';
export type { AlertsApi, AlertsQuery } from './api';
export { rootRouteRef, silencesRouteRef, rulesRouteRef } from './routes';
export { isAlertsAvailable } from './filters';
export { alertsTranslationRef } from './translation';
