import { backupDurationMs, formatBytes } from './format';

describe('formatBytes', () => {
  it.each([
    [undefined, '—'],
    [512, '512 B'],
    [1536, '1.5 KiB'],
    [25 * 1024 ** 3, '25 GiB'],
    [1.234 * 1024 ** 4, '1.23 TiB'],
  ])('%p → %p', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('backupDurationMs', () => {
  it('is stop minus start, and unknown without a stop', () => {
    expect(
      backupDurationMs({
        startedAt: '2026-11-29T01:00:00Z',
        stoppedAt: '2026-11-29T01:12:30Z',
      }),
    ).toBe(750_000);
    expect(backupDurationMs({ startedAt: '2026-11-29T01:00:00Z' })).toBe(
      undefined,
    );
  });
});
