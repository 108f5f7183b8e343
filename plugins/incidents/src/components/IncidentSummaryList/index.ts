export { IncidentSummaryList } from './IncidentSummaryList';
