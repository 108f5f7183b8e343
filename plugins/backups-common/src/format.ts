import { DateTime, Duration } from 'luxon';

/**
 * A duration in words for violation messages, its two largest units, e.g.
 * `8 days, 3 hours` or `3 hours, 5 minutes`; whole weeks as weeks (`4
 * weeks`), the way policies are written (luxon's Intl-based toHuman).
 */
export function durationInWords(ms: number): string {
  const { days = 0, ...rest } = Duration.fromObject({
    minutes: Math.round(Math.abs(ms) / 60_000),
  })
    .shiftTo('days', 'hours', 'minutes')
    .toObject();
  const parts: Record<string, number> = {
    weeks: days >= 7 && days % 7 === 0 ? days / 7 : 0,
    days: days >= 7 && days % 7 === 0 ? 0 : days,
    hours: rest.hours ?? 0,
    minutes: rest.minutes ?? 0,
  };
  const units = Object.keys(parts)
    .filter(unit => parts[unit] > 0)
    .slice(0, 2);
  return Duration.fromObject(
    units.length
      ? Object.fromEntries(units.map(unit => [unit, parts[unit]]))
      : { minutes: 0 },
  ).toHuman();
}

/** A point in time in the policy's zone, e.g. `2026-11-29 01:00 (Asia/Seoul)`. */
export function timeInZone(ms: number, timeZone: string): string {
  const local = DateTime.fromMillis(ms, { zone: timeZone });
  return `${local.toFormat('yyyy-MM-dd HH:mm')} (${timeZone})`;
}
