import type { Backup } from '@fdp/plugin-backups-common';
import { DateTime } from 'luxon';

/** What a day's backups came to. */
export type DayState = 'success' | 'failed' | 'missing';

export interface CalendarDay {
  /** `yyyy-MM-dd` in the calendar's zone. */
  day: string;
  state: DayState;
}

/**
 * The last `days` days up to `now`, oldest first: `success` when a backup
 * started that day completed without checksum errors (an expired one did
 * too: retention removed it later), `failed` when that day's backups all
 * failed, partially failed or carry checksum errors, `missing` when none
 * started.
 */
export function calendarDays(
  backups: readonly Backup[],
  now: number,
  options: { days?: number; zone?: string } = {},
): CalendarDay[] {
  const { days = 30, zone = 'local' } = options;
  const states = new Map<string, DayState>();
  for (const backup of backups) {
    const day = DateTime.fromISO(backup.startedAt, { zone }).toISODate();
    if (!day) {
      continue;
    }
    const good =
      (backup.status === 'completed' || backup.status === 'expired') &&
      !backup.checksumErrors;
    if (good) {
      states.set(day, 'success');
    } else if (!states.has(day)) {
      states.set(day, 'failed');
    }
  }
  const today = DateTime.fromMillis(now, { zone }).startOf('day');
  return Array.from({ length: days }, (_, i) => {
    const day = today.minus({ days: days - 1 - i }).toISODate()!;
    return { day, state: states.get(day) ?? 'missing' };
  });
}
