import { formatDuration, formatUtc } from './format';

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [59_999, '59s'],
    [90_000, '1m 30s'],
    [15 * 60_000, '15m'],
    [15 * 60_000 + 30_000, '15m'],
    [2 * 3_600_000, '2h'],
    [5_430_000, '1h 30m'],
    [26 * 3_600_000, '1d 2h'],
    [3 * 86_400_000, '3d'],
    [-5 * 60_000, '5m'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('formatUtc', () => {
  it('prints minutes in UTC whatever the offset of the input', () => {
    expect(formatUtc('2026-11-30T09:15:42+09:00')).toBe('2026-11-30 00:15 UTC');
  });
});
