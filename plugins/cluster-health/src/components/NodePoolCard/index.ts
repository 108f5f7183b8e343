export {
  NodePoolCard,
  NodePoolSummaryView,
  formatCpuAmount,
  poolNodesText,
  poolSizeText,
} from './NodePoolCard';
