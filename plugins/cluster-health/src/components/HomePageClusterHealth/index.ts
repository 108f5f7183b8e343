export { HomePageClusterHealth } from './HomePageClusterHealth';
