export { AlertStateLabel, PriorityChip, RuleStateLabel } from './PriorityChip';
export { PriorityCounts } from './PriorityCounts';
