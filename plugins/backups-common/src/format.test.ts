import { durationInWords, timeInZone } from './format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('durationInWords', () => {
  it.each([
    [0, '0 minutes'],
    [29_000, '0 minutes'],
    [90 * MINUTE, '1 hour, 30 minutes'],
    [8 * DAY + 3 * HOUR + 2 * MINUTE, '8 days, 3 hours'],
    [30 * DAY, '30 days'],
    [14 * DAY + HOUR, '2 weeks, 1 hour'],
    [28 * DAY, '4 weeks'],
    [2 * DAY + 5 * MINUTE, '2 days, 5 minutes'],
    [-15 * MINUTE, '15 minutes'],
  ])('%d ms is %s', (ms, words) => {
    expect(durationInWords(ms)).toBe(words);
  });
});

describe('timeInZone', () => {
  it('shows the wall-clock time of the zone', () => {
    const at = Date.parse('2026-11-28T16:00:00Z');
    expect(timeInZone(at, 'Asia/Seoul')).toBe('2026-11-29 01:00 (Asia/Seoul)');
    expect(timeInZone(at, 'Europe/Berlin')).toBe(
      '2026-11-28 17:00 (Europe/Berlin)',
    );
  });
});
