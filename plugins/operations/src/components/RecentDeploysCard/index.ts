export { RecentDeploysCard } from './RecentDeploysCard';
