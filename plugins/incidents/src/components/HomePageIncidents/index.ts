export { HomePageIncidents } from './HomePageIncidents';
