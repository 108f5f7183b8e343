import { CronExpressionParser } from 'cron-parser';

// cron-parser reads the expression in the time zone (DST included, through
// luxon); one prev()/next() step costs about 0.3 ms, which is why the
// per-policy work is done once per evaluation round (see policyClock).

function expression(schedule: string, timeZone: string, at: number) {
  return CronExpressionParser.parse(schedule, {
    tz: timeZone,
    currentDate: new Date(at),
  });
}

/**
 * Why `schedule` cannot be used in `timeZone`, or undefined when it can: it
 * must parse and run at least once (`0 0 30 2 *` never does).
 */
export function scheduleError(
  schedule: string,
  timeZone: string,
): string | undefined {
  if (!schedule.trim()) {
    // cron-parser reads an empty string as every minute
    return 'a cron expression is required';
  }
  try {
    expression(schedule, timeZone, Date.UTC(2026, 0, 1)).next();
    return undefined;
  } catch (error) {
    return `invalid cron expression '${schedule}': ${(error as Error).message}`;
  }
}

/** The latest run at or before `at` (epoch ms). */
export function previousRun(
  schedule: string,
  timeZone: string,
  at: number,
): number {
  // prev() is strictly before currentDate; + 1 ms lets a run exactly at `at` count
  return expression(schedule, timeZone, at + 1)
    .prev()
    .getTime();
}

/** The first run strictly after `at` (epoch ms). */
export function nextRun(schedule: string, timeZone: string, at: number) {
  return expression(schedule, timeZone, at).next().getTime();
}

/** Whether the schedule runs in [start, end). */
export function runsIn(
  schedule: string,
  timeZone: string,
  start: number,
  end: number,
): boolean {
  return previousRun(schedule, timeZone, end - 1) >= start;
}

/** Runs sampled to measure a schedule's longest interval. */
const SAMPLE_RUNS = 64;
const SAMPLE_HORIZON_MS = 400 * 24 * 3600_000;

/**
 * The longest interval between two consecutive runs after `from`, over the
 * next 64 runs or 400 days, whichever comes first — long enough to see a
 * weekly pattern of a daily schedule and a yearly one of a weekly schedule.
 */
export function longestInterval(
  schedule: string,
  timeZone: string,
  from: number,
): number {
  const it = expression(schedule, timeZone, from);
  let previous = it.next().getTime();
  let longest = 0;
  for (let i = 1; i < SAMPLE_RUNS; i++) {
    const run = it.next().getTime();
    longest = Math.max(longest, run - previous);
    previous = run;
    if (run - from > SAMPLE_HORIZON_MS) {
      break;
    }
  }
  return longest;
}
