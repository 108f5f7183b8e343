import {
  longestInterval,
  nextRun,
  previousRun,
  runsIn,
  scheduleError,
} from './schedule';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('next and previous runs', () => {
  it('reads Sunday 01:00 in Seoul as Saturday 16:00 UTC', () => {
    const wednesday = at('2026-11-25T03:00:00Z');
    expect(iso(nextRun('0 1 * * 0', 'Asia/Seoul', wednesday))).toBe(
      '2026-11-28T16:00:00.000Z',
    );
    expect(iso(previousRun('0 1 * * 0', 'Asia/Seoul', wednesday))).toBe(
      '2026-11-21T16:00:00.000Z',
    );
    // the same expression in UTC is nine hours later
    expect(iso(nextRun('0 1 * * 0', 'UTC', wednesday))).toBe(
      '2026-11-29T01:00:00.000Z',
    );
  });

  it('counts a run exactly at the given time as previous, not next', () => {
    const run = at('2026-11-28T16:00:00Z');
    expect(previousRun('0 1 * * *', 'Asia/Seoul', run)).toBe(run);
    expect(iso(nextRun('0 1 * * *', 'Asia/Seoul', run))).toBe(
      '2026-11-29T16:00:00.000Z',
    );
  });

  it('has no DST in Seoul: 01:00 is 16:00 UTC all year', () => {
    for (const day of [
      '2026-01-15',
      '2026-04-01',
      '2026-07-15',
      '2026-10-30',
    ]) {
      expect(
        iso(nextRun('0 1 * * *', 'Asia/Seoul', at(`${day}T00:00:00Z`))),
      ).toBe(`${day}T16:00:00.000Z`);
    }
  });

  it('follows Berlin across the spring DST change', () => {
    let t = at('2026-03-27T12:00:00Z');
    const runs: string[] = [];
    for (let i = 0; i < 3; i++) {
      t = nextRun('0 1 * * *', 'Europe/Berlin', t);
      runs.push(iso(t));
    }
    // the clocks change at 02:00 on 29 March: 01:00 that day is still CET
    // (UTC+1), the next day CEST (UTC+2)
    expect(runs).toEqual([
      '2026-03-28T00:00:00.000Z',
      '2026-03-29T00:00:00.000Z',
      '2026-03-29T23:00:00.000Z',
    ]);
    // 02:30 does not exist on 29 March: the run moves to 03:30 CEST
    expect(
      iso(nextRun('30 2 * * *', 'Europe/Berlin', at('2026-03-28T12:00:00Z'))),
    ).toBe('2026-03-29T01:30:00.000Z');
  });
});

describe('runsIn', () => {
  it('is whether a run falls in [start, end)', () => {
    const run = at('2026-11-28T16:00:00Z');
    expect(runsIn('0 1 * * *', 'Asia/Seoul', run, run + HOUR)).toBe(true);
    expect(runsIn('0 1 * * *', 'Asia/Seoul', run - HOUR, run)).toBe(false);
    expect(runsIn('0 1 * * *', 'Asia/Seoul', run + 1, run + DAY)).toBe(false);
  });
});

describe('longestInterval', () => {
  it.each([
    ['0 1 * * *', DAY],
    ['0 1 * * 0', 7 * DAY],
    ['0 1 * * 1-5', 3 * DAY],
    ['0 */6 * * *', 6 * HOUR],
    ['0 1 1 * *', 31 * DAY],
  ])('%s: %d ms', (schedule, ms) => {
    expect(
      longestInterval(schedule, 'Asia/Seoul', at('2026-11-25T00:00:00Z')),
    ).toBe(ms);
  });
});

describe('scheduleError', () => {
  it.each(['0 1 * * *', '0 0 1 * * 0'])('accepts %j', schedule => {
    expect(scheduleError(schedule, 'Asia/Seoul')).toBeUndefined();
  });

  it.each([
    ['', 'a cron expression is required'],
    ['61 * * * *', "invalid cron expression '61 * * * *'"],
    ['1 2 3 4 5 6 7', 'too many fields'],
  ])('refuses %j', (schedule, message) => {
    expect(scheduleError(schedule, 'Asia/Seoul')).toContain(message);
  });
});
