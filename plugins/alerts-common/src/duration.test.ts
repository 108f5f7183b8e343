import {
  formatRemaining,
  parseDuration,
  parseSilenceDuration,
} from './duration';

describe('durations', () => {
  it.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['2h', 7_200_000],
    ['1h30m', 5_400_000],
    ['1d', 86_400_000],
    ['1w', 604_800_000],
  ])('parses %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it('rejects malformed, empty, zero and too long silences', () => {
    expect(() => parseDuration('2 hours')).toThrow(
      "Invalid duration '2 hours'",
    );
    expect(() => parseDuration('')).toThrow('Invalid duration');
    expect(() => parseDuration('h')).toThrow('Invalid duration');
    expect(() => parseSilenceDuration('0m')).toThrow('longer than 0');
    expect(() => parseSilenceDuration('31d')).toThrow('at most 30 days');
    expect(parseSilenceDuration('30d')).toBe(30 * 86_400_000);
  });

  it('formats countdowns', () => {
    expect(formatRemaining(2 * 3_600_000 + 61_000)).toBe('2h 1m');
    expect(formatRemaining(26 * 3_600_000)).toBe('1d 2h');
    expect(formatRemaining(59 * 60_000)).toBe('59m');
    expect(formatRemaining(30_500)).toBe('31s');
    expect(formatRemaining(0)).toBe('expired');
  });
});
