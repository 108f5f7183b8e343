export { SilencesTable } from './SilencesTable';
export { SilenceCountdown } from './SilenceCountdown';
