import { DependencyList, useEffect, useRef, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useSignal } from '@backstage/plugin-signals-react';

/** How long to wait for more signals before refetching. */
export const SIGNAL_DEBOUNCE_MS = 1_000;
/** Fallback refresh when no signal arrives (e.g. signals not installed). */
export const FALLBACK_REFRESH_MS = 30_000;

export interface LiveDataOptions<S> {
  /** Only refetch for signals this returns true for (default: all). */
  signalFilter?: (signal: S) => boolean;
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
 * Loads data and reloads it when a message arrives on the signal `channel`
 * (a trailing debounce of {@link SIGNAL_DEBOUNCE_MS}), with a slow periodic
 * refresh ({@link FALLBACK_REFRESH_MS}) for when signals do not reach the
 * browser. While the document is hidden (a background tab) nothing is
 * refetched, neither by the poll nor by signals; when it becomes visible
 * again the data is refreshed once. The last good data stays through
 * refreshes and failed refreshes, but never across a change of `deps`.
 */
export function useLiveData<T, S = unknown>(
  channel: string,
  load: () => Promise<T>,
  deps: DependencyList,
  options: LiveDataOptions<S> = {},
): LiveData<T> {
  // The result remembers the deps it was loaded for: right after `deps`
  // change, the first render still holds the previous result.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const state = useAsyncRetry(
    async () => ({ deps, value: await load() }),
    deps,
  );
  const { lastSignal } = useSignal(channel);
  const hidden = useDocumentHidden();

  const retryRef = useRef(state.retry);
  retryRef.current = state.retry;
  const filterRef = useRef(options.signalFilter);
  filterRef.current = options.signalFilter;

  useEffect(() => {
    if (!lastSignal) {
      return undefined;
    }
    if (filterRef.current && !filterRef.current(lastSignal as unknown as S)) {
      return undefined;
    }
    // Each new signal cancels the pending refetch: a trailing debounce.
    // A hidden tab skips it: becoming visible refreshes anyway.
    const timer = setTimeout(() => {
      if (!document.hidden) {
        retryRef.current();
      }
    }, SIGNAL_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [lastSignal]);

  const wasHidden = useRef(hidden);
  useEffect(() => {
    if (hidden) {
      wasHidden.current = true;
      return undefined;
    }
    if (wasHidden.current) {
      wasHidden.current = false;
      retryRef.current();
    }
    const interval = setInterval(() => retryRef.current(), FALLBACK_REFRESH_MS);
    return () => clearInterval(interval);
  }, [hidden]);

  const lastGood = useRef<{ deps: DependencyList; value: T } | undefined>();
  if (!state.loading && !state.error && state.value !== undefined) {
    lastGood.current = state.value;
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

/** `document.hidden`, updated on `visibilitychange`. */
function useDocumentHidden(): boolean {
  const [hidden, setHidden] = useState(() => document.hidden);
  useEffect(() => {
    const onChange = () => setHidden(document.hidden);
    document.addEventListener('visibilitychange', onChange);
    onChange();
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);
  return hidden;
}

function sameDeps(a: DependencyList, b: DependencyList): boolean {
  return a.length === b.length && a.every((item, i) => Object.is(item, b[i]));
}
