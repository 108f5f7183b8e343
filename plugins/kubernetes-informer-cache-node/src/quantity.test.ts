import { cpuToMillis, memoryToBytes, parseQuantity } from './quantity';

describe('quantities', () => {
  it('parses decimal and binary suffixes', () => {
    expect(cpuToMillis('250m')).toBe(250);
    expect(cpuToMillis('2')).toBe(2000);
    expect(cpuToMillis('1.5')).toBe(1500);
    expect(cpuToMillis('2232909852n')).toBeCloseTo(2232.909852, 6);
    expect(cpuToMillis('150u')).toBeCloseTo(0.15, 9);
    expect(memoryToBytes('1Ki')).toBe(1024);
    expect(memoryToBytes('7505941Ki')).toBe(7505941 * 1024);
    expect(memoryToBytes('2Gi')).toBe(2 * 1024 ** 3);
    expect(memoryToBytes('1G')).toBe(1e9);
    expect(memoryToBytes('128974848')).toBe(128974848);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity(5)).toBe(5);
  });

  it('returns undefined for garbage', () => {
    expect(parseQuantity('abc')).toBeUndefined();
    expect(parseQuantity('1Xi')).toBeUndefined();
    expect(parseQuantity(undefined)).toBeUndefined();
    expect(cpuToMillis('')).toBeUndefined();
  });
});

describe('quantities the cluster-health pages read', () => {
  it.each([
    ['7910m', 7910],
    ['250000000n', 250],
    ['1500u', 1.5],
    [2, 2000],
  ])('cpu %p is %p millicores', (q, millis) => {
    expect(cpuToMillis(q)).toBeCloseTo(millis, 6);
  });

  it.each([
    ['15Gi', 15 * 1024 ** 3],
    ['512Mi', 512 * 1024 ** 2],
    ['1.5Gi', 1.5 * 1024 ** 3],
    ['129e6', 129e6],
    ['1k', 1000],
    ['100Ki', 102400],
    ['1M', 1e6],
  ])('memory %p is %p bytes', (q, bytes) => {
    expect(memoryToBytes(q)).toBe(bytes);
  });
});
