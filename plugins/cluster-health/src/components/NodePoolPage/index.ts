export {
  NodePoolPage,
  NodesTable,
  abnormalConditions,
  isNotFound,
} from './NodePoolPage';
