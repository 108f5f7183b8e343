export { TargetStatus } from './TargetStatus';
