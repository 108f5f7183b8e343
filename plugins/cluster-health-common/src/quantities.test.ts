import { formatBytes, formatCpu, percent } from './quantities';

describe('quantities', () => {
  it('formats for people', () => {
    expect(formatCpu(1500)).toBe('1.5 cores');
    expect(formatCpu(250)).toBe('250m');
    expect(formatBytes(2 * 1024 ** 3)).toBe('2 GiB');
    expect(formatBytes(1536)).toBe('1.5 KiB');
  });

  it('computes percentages, undefined for an empty whole', () => {
    expect(percent(7, 8)).toBe(87.5);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(1, 0)).toBeUndefined();
  });
});
