import { createFormatters } from './format';

describe('createFormatters', () => {
  const now = Date.parse('2026-11-22T00:05:00Z');

  it('shows a time in the given time zone and language', () => {
    const en = createFormatters('en', 'Asia/Seoul');
    expect(en.dateTime('2026-11-22T00:05:00Z')).toBe('Nov 22, 2026, 9:05 AM');
    const ko = createFormatters('ko', 'Asia/Seoul');
    expect(ko.dateTime('2026-11-22T00:05:00Z')).toMatch(/2026.*11.*22.*9:05/);
    expect(ko.dateTime('2026-11-22T00:05:00Z')).toContain('오전');
    expect(en.dateTime(undefined)).toBe('–');
    expect(en.dateTime('not a time')).toBe('–');
  });

  it('says how long ago, from the largest whole unit', () => {
    const en = createFormatters('en', 'UTC');
    expect(en.ago('2026-11-21T23:53:00Z', now)).toBe('12 minutes ago');
    expect(en.ago('2026-11-21T21:00:00Z', now)).toBe('3 hours ago');
    expect(en.ago('2026-11-20T00:00:00Z', now)).toBe('2 days ago');
    expect(en.ago('2026-11-22T00:05:00Z', now)).toBe('now');
    expect(createFormatters('ko').ago('2026-11-21T23:53:00Z', now)).toBe(
      '12분 전',
    );
  });

  it('writes durations with their two largest units', () => {
    expect(createFormatters('en').duration(7_500_000)).toBe(
      '2 hours, 5 minutes',
    );
    expect(createFormatters('ko').duration(7_500_000)).toBe('2시간 5분');
    expect(createFormatters('xx').duration(60_000)).toBe('1 minute');
    expect(createFormatters('en').duration(-5)).toBe('0 seconds');
    expect(createFormatters('en').duration(7_225_000)).toBe('2 hours');
    expect(createFormatters('en').duration(7_199_000)).toBe('2 hours');
    expect(createFormatters('en').duration(42_000)).toBe('42 seconds');
  });
});
