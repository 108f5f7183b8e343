export { OperationsOverview } from './OperationsOverview';
