/**
 * platform-lint: the platform policy lint of @fdp/plugin-manifests-common as
 * a command for service repositories' CI.
 *
 * @packageDocumentation
 */
export { main, type CliIo } from './cli';
