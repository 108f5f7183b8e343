import {
  formatBytes,
  formatCpu,
  parseAmount,
  parseCpuMillis,
  parseQuantity,
  percent,
} from './quantities';

describe('quantities', () => {
  it.each([
    ['1', 1000],
    ['2', 2000],
    ['500m', 500],
    ['1.5', 1500],
    ['7910m', 7910],
    ['250000000n', 250],
    ['1500u', 1.5],
    [2, 2000],
  ])('parses cpu %p as %p millicores', (q, millis) => {
    expect(parseCpuMillis(q as string)).toBeCloseTo(millis as number, 6);
  });

  it.each([
    ['2Gi', 2 * 1024 ** 3],
    ['4Gi', 4 * 1024 ** 3],
    ['15Gi', 15 * 1024 ** 3],
    ['512Mi', 512 * 1024 ** 2],
    ['128974848', 128974848],
    ['129e6', 129e6],
    ['1k', 1000],
    ['100Ki', 102400],
    ['1M', 1e6],
  ])('parses memory %p as %p bytes', (q, bytes) => {
    expect(parseAmount(q)).toBe(bytes);
  });

  it('gives NaN / 0 for malformed or absent quantities', () => {
    expect(parseQuantity('lots')).toBeNaN();
    expect(parseQuantity('1Zi')).toBeNaN();
    expect(parseQuantity(undefined)).toBeNaN();
    expect(parseCpuMillis('x')).toBe(0);
    expect(parseAmount(undefined)).toBe(0);
  });

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
