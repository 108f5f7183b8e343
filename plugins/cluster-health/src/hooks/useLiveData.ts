import { DependencyList } from 'react';
import {
  LiveData,
  LiveDataOptions,
  useLiveData as useSignalledData,
} from '@fdp/live-data-react';
import {
  CLUSTER_HEALTH_SIGNAL_CHANNEL,
  type ClusterHealthSignal,
} from '@fdp/plugin-cluster-health-common';

/** Loads data and reloads it on `cluster-health` signals (see `@fdp/live-data-react`). */
export function useLiveData<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  options?: LiveDataOptions<ClusterHealthSignal>,
): LiveData<T> {
  return useSignalledData(CLUSTER_HEALTH_SIGNAL_CHANNEL, load, deps, options);
}
