import { DependencyList } from 'react';
import {
  LiveData,
  useLiveData as useSignalledData,
} from '@fdp/live-data-react';
import { ALERTS_SIGNAL_CHANNEL } from '@fdp/plugin-alerts-common';

/**
 * Loads data and reloads it on `alerts` signals (see `@fdp/live-data-react`).
 * Any `alerts-changed` message may change what is shown: no filtering.
 */
export function useLiveData<T>(
  load: () => Promise<T>,
  deps: DependencyList,
): LiveData<T> {
  return useSignalledData(ALERTS_SIGNAL_CHANNEL, load, deps);
}
