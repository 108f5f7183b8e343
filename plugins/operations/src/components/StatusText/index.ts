export { StatusText } from './StatusText';
export type { Severity } from './StatusText';
