export { IncidentsPage, LegacyIncidentsPage } from './IncidentsPage';
