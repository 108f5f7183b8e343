export {
  ClusterOverview,
  StaleBanner,
  clusterThresholds,
} from './ClusterOverview';
