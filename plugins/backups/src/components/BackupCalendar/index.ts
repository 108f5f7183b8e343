export { BackupCalendar } from './BackupCalendar';
