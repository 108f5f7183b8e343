export { TargetDetail } from './TargetDetail';
