export {
  ClusterHealthPage,
  LegacyClusterHealthPage,
} from './ClusterHealthPage';
