/**
 * Backups backend (plugin id `backups`).
 *
 * @packageDocumentation
 */
export { backupsPlugin as default, BACKUPS_SIGNAL_CHANNEL } from './plugin';
