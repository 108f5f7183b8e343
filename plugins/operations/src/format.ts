import { DateTime } from 'luxon';

/** A time in the browser's time zone, e.g. `2026-11-30 09:15`. */
export function formatTime(iso: string | Date | undefined): string {
  if (!iso) {
    return '—';
  }
  const time =
    typeof iso === 'string' ? DateTime.fromISO(iso) : DateTime.fromJSDate(iso);
  return time.isValid ? time.toFormat('yyyy-MM-dd HH:mm') : String(iso);
}
