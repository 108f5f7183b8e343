import { backup } from './__testUtils__/fixtures';
import { calendarDays } from './calendar';

const now = Date.parse('2026-11-30T02:00:00Z');

describe('calendarDays', () => {
  it('gives the last 30 days, oldest first, each success, failed or missing', () => {
    const days = calendarDays(
      [
        backup({ startedAt: '2026-11-30T01:00:00Z' }),
        // a failure and a success on the same day: backed up
        backup({ startedAt: '2026-11-29T01:00:00Z', status: 'failed' }),
        backup({ startedAt: '2026-11-29T05:00:00Z' }),
        backup({
          startedAt: '2026-11-28T01:00:00Z',
          status: 'partiallyFailed',
        }),
        backup({ startedAt: '2026-11-27T01:00:00Z', checksumErrors: true }),
        backup({ startedAt: '2026-11-25T01:00:00Z', status: 'expired' }),
        // older than the window
        backup({ startedAt: '2026-10-01T01:00:00Z' }),
      ],
      now,
      { zone: 'UTC' },
    );
    expect(days).toHaveLength(30);
    expect(days[0].day).toBe('2026-11-01');
    expect(days[29].day).toBe('2026-11-30');
    expect(days.slice(24).map(d => d.state)).toEqual([
      'success', // 25th: expired, but it ran
      'missing',
      'failed', // checksum errors
      'failed',
      'success',
      'success',
    ]);
    expect(days.slice(0, 24).every(d => d.state === 'missing')).toBe(true);
  });

  it('counts days in the given zone', () => {
    // 2026-11-29 23:30 UTC is the 30th in Seoul
    const days = calendarDays(
      [backup({ startedAt: '2026-11-29T23:30:00Z' })],
      now,
      { zone: 'Asia/Seoul', days: 2 },
    );
    expect(days).toEqual([
      { day: '2026-11-29', state: 'missing' },
      { day: '2026-11-30', state: 'success' },
    ]);
  });
});
