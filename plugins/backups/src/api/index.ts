export { backupsApiRef } from './BackupsApi';
export type { BackupsApi } from './BackupsApi';
export { BackupsClient } from './BackupsClient';
export type { PolicySummary, TargetSummary } from './types';
