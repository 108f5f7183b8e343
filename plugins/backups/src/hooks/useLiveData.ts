import { DependencyList } from 'react';
import {
  LiveData,
  useLiveData as useSignalledData,
} from '@fdp/live-data-react';

/** The backend's signal channel (`BACKUPS_SIGNAL_CHANNEL` of the backend). */
export const BACKUPS_SIGNAL_CHANNEL = 'backups';

/**
 * Loads data and reloads it on `backups` signals (a target's status
 * changed; see `@fdp/live-data-react`).
 */
export function useLiveData<T>(
  load: () => Promise<T>,
  deps: DependencyList,
): LiveData<T> {
  return useSignalledData(BACKUPS_SIGNAL_CHANNEL, load, deps);
}
