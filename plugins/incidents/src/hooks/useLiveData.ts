import { DependencyList } from 'react';
import {
  LiveData,
  useLiveData as useSignalledData,
} from '@fdp/live-data-react';
import { INCIDENTS_SIGNAL_CHANNEL } from '@fdp/plugin-incidents-common';

/**
 * Loads data and reloads it on `incidents` signals (see
 * `@fdp/live-data-react`). Any change may move an incident in or out of
 * what is shown: no filtering.
 */
export function useLiveData<T>(
  load: () => Promise<T>,
  deps: DependencyList,
): LiveData<T> {
  return useSignalledData(INCIDENTS_SIGNAL_CHANNEL, load, deps);
}
