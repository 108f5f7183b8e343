export { AlertsPage, LegacyAlertsPage } from './AlertsPage';
