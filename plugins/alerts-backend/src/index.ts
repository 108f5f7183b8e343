/**
 * Alerts backend (plugin id `alerts`).
 *
 * @packageDocumentation
 */
export { alertsPlugin as default } from './plugin';
