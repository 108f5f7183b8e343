export {
  EntityWorkloads,
  WorkloadView,
  WorkloadsView,
  metricText,
} from './EntityWorkloads';
