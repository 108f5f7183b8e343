export {
  NodePoolCard,
  NodePoolSummaryView,
  poolSizeText,
  usePoolSubheader,
} from './NodePoolCard';
