/**
 * Data that reloads itself when a Backstage signal arrives, for the portal's
 * frontend plugins.
 *
 * @packageDocumentation
 */
export {
  useLiveData,
  SIGNAL_DEBOUNCE_MS,
  FALLBACK_REFRESH_MS,
  type LiveData,
  type LiveDataOptions,
} from './useLiveData';
export { createFormatters, useFormatters, type Formatters } from './format';
export { useNow } from './useNow';
export { useNotifySuccess } from './useNotifySuccess';
