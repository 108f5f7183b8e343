export {
  ALERT_STATES,
  AlertStateLabel,
  PriorityChip,
  stateLabel,
} from './PriorityChip';
