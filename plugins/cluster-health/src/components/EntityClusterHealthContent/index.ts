export { EntityClusterHealthContent } from './EntityClusterHealthContent';
