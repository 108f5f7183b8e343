export { TargetList } from './TargetList';
export { TargetCard } from './TargetCard';
export { TargetLine } from './TargetLine';
