/**
 * Cluster and node-pool health backend (plugin id `cluster-health`).
 *
 * @packageDocumentation
 */
export { clusterHealthPlugin as default } from './plugin';
