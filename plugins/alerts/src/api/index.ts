export { alertsApiRef } from './AlertsApi';
export type { AlertsApi, AlertsQuery } from './AlertsApi';
export { AlertsClient } from './AlertsClient';
