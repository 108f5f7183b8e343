import { DependencyList, useEffect, useRef } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useSignal } from '@backstage/plugin-signals-react';
import {
  CLUSTER_HEALTH_SIGNAL_CHANNEL,
  type ClusterHealthSignal,
} from '@fdp/plugin-cluster-health-common';

/** How long to wait for more signals before refetching. */
export const SIGNAL_DEBOUNCE_MS = 1_000;
/** Fallback refresh when no signal arrives (e.g. signals not installed). */
export const FALLBACK_REFRESH_MS = 30_000;

export interface LiveDataOptions {
  /** Only refetch for signals this returns true for (default: all). */
  signalFilter?: (signal: ClusterHealthSignal) => boolean;
}

export interface LiveData<T> {
  value?: T;
  error?: Error;
  /** true only while loading without any data to show */
  loading: boolean;
  /** true while (re)loading, also when earlier data is shown */
  refreshing: boolean;
  retry: () => void;
}

/**
 * Loads data and reloads it when a `cluster-health` signal arrives
 * (debounced), with a slow periodic refresh as a fallback.
 */
export function useLiveData<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  options: LiveDataOptions = {},
): LiveData<T> {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const state = useAsyncRetry(load, deps);
  const { lastSignal } = useSignal(CLUSTER_HEALTH_SIGNAL_CHANNEL);

  const retryRef = useRef(state.retry);
  retryRef.current = state.retry;
  const filterRef = useRef(options.signalFilter);
  filterRef.current = options.signalFilter;

  useEffect(() => {
    if (!lastSignal) {
      return undefined;
    }
    const signal = lastSignal as unknown as ClusterHealthSignal;
    if (filterRef.current && !filterRef.current(signal)) {
      return undefined;
    }
    // Each new signal cancels the pending refetch: a trailing debounce.
    const timer = setTimeout(() => retryRef.current(), SIGNAL_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [lastSignal]);

  useEffect(() => {
    const interval = setInterval(() => retryRef.current(), FALLBACK_REFRESH_MS);
    return () => clearInterval(interval);
  }, []);

  // Keep the last good data through refreshes and failed refreshes, but
  // never show data loaded for other dependencies (another cluster or pool).
  const lastGood = useRef<{ deps: DependencyList; value: T } | undefined>();
  if (!state.loading && !state.error && state.value !== undefined) {
    lastGood.current = { deps, value: state.value };
  }
  const value =
    lastGood.current && sameDeps(lastGood.current.deps, deps)
      ? lastGood.current.value
      : undefined;

  return {
    value,
    error: state.error,
    loading: value === undefined && !state.error,
    refreshing: state.loading,
    retry: state.retry,
  };
}

function sameDeps(a: DependencyList, b: DependencyList): boolean {
  return a.length === b.length && a.every((item, i) => Object.is(item, b[i]));
}
