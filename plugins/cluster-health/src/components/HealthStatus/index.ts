export {
  CompactReasons,
  HealthReasonText,
  HealthReasons,
  HealthStatusLabel,
  sortReasons,
  useReasonLabel,
} from './HealthStatus';
