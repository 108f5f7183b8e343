import { DependencyList, useEffect, useRef } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useSignal } from '@backstage/plugin-signals-react';
import { ALERTS_SIGNAL_CHANNEL } from '@fdp/plugin-alerts-common';

/** How long to wait for more signals before refetching. */
export const SIGNAL_DEBOUNCE_MS = 1_000;
/** Fallback refresh when no signal arrives (e.g. signals not installed). */
export const FALLBACK_REFRESH_MS = 30_000;

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
 * Loads data and reloads it when an `alerts` signal arrives (debounced),
 * with a slow periodic refresh as a fallback.
 */
export function useLiveData<T>(
  load: () => Promise<T>,
  deps: DependencyList,
): LiveData<T> {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const state = useAsyncRetry(load, deps);
  // Any `alerts-changed` message may change what is shown: no filtering.
  const { lastSignal } = useSignal(ALERTS_SIGNAL_CHANNEL);

  const retryRef = useRef(state.retry);
  retryRef.current = state.retry;

  useEffect(() => {
    if (!lastSignal) {
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
  // never show data loaded for other dependencies (another entity).
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
