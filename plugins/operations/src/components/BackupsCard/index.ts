export { BackupsCard, TARGET_SEVERITY } from './BackupsCard';
