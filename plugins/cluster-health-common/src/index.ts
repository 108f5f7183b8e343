/**
 * Types and pure evaluation of cluster, node-pool, node and workload health,
 * shared by the cluster-health backend and frontend.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './reasons';
export * from './constants';
export * from './permissions';
export * from './quantities';
export * from './pools';
export * from './evaluate';
export * from './workloads';
export * from './deployments';
