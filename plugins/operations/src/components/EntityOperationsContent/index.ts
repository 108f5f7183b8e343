export { EntityOperationsContent } from './EntityOperationsContent';
