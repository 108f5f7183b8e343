export { HomePageAlerts } from './HomePageAlerts';
