export { ClusterHealthCard, HEALTH_SEVERITY } from './ClusterHealthCard';
