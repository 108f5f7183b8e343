export {
  AlertsTable,
  EntityLinks,
  PriorityCounts,
  matchesFilters,
} from './AlertsTable';
export type { AlertFilters } from './AlertsTable';
