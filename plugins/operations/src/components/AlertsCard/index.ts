export { AlertsCard, PRIORITY_SEVERITY, worstAlerts } from './AlertsCard';
