export { NodePoolPage, isNotFound } from './NodePoolPage';
export { NodesTable, abnormalConditions } from './NodesTable';
