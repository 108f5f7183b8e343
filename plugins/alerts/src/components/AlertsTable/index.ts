export { AlertsTable } from './AlertsTable';
export { PriorityCounts } from '../PriorityChip';
