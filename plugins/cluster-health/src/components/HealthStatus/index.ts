export {
  HealthReasonText,
  HealthReasons,
  HealthStatusLabel,
  reasonLabel,
  sortReasons,
} from './HealthStatus';
