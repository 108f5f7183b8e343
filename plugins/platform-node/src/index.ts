/**
 * Helpers shared by our backend plugins.
 *
 * @packageDocumentation
 */
export { parseInput, text } from './parseInput';
export { EntityResolver } from './EntityResolver';
export type { EntityResolverOptions } from './EntityResolver';
export { readOptionalDurationMs } from './readDuration';
export type { DeprecatedDurationKey } from './readDuration';
export { JsonBodyCache, jsonBody, sendJsonBody } from './JsonBodyCache';
export type { JsonBody } from './JsonBodyCache';
