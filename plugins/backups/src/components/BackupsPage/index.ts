export { BackupsPage, LegacyBackupsPage } from './BackupsPage';
