export { RecoveryWindowBar } from './RecoveryWindowBar';
