/**
 * Backups: every backup target with its status, violations in words,
 * recovery window and RPO; a target's backups and restore procedure; an
 * entity card and a home card.
 *
 * @packageDocumentation
 */
import { backupsPlugin } from './plugin';

export default backupsPlugin;

export {
  backupsPlugin,
  backupsApi,
  backupsPage,
  backupsEntityCard,
} from './plugin';
export { backupsLegacyPlugin, BackupsPage, EntityBackupsCard } from './legacy';
export { BackupsClient, backupsApiRef } from './api';
export type { BackupsApi, PolicySummary, TargetSummary } from './api';
export { rootRouteRef, targetRouteRef } from './routes';
export {
  BACKUP_TARGETS_ANNOTATION,
  backupTargetNames,
  isBackupsAvailable,
} from './annotation';
export { BACKUPS_SIGNAL_CHANNEL } from './hooks/useLiveData';
export { backupsTranslationRef } from './translation';
