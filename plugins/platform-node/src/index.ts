/**
 * Helpers shared by our backend plugins.
 *
 * @packageDocumentation
 */
export { parseInput, text } from './parseInput';
export { EntityResolver } from './EntityResolver';
export type { EntityResolverOptions } from './EntityResolver';
