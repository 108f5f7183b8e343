import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  const noJitter = { initialMs: 1000, maxMs: 30_000, jitter: 0 };

  it('grows exponentially up to the cap', () => {
    expect(
      [0, 1, 2, 3, 4, 5, 6, 10].map(a => backoffDelay(a, noJitter)),
    ).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('spreads by the jitter fraction but never above the cap', () => {
    expect(backoffDelay(1, { jitter: 0.2 }, () => 0)).toBe(1600);
    expect(backoffDelay(1, { jitter: 0.2 }, () => 1)).toBe(2400);
    expect(backoffDelay(20, { jitter: 0.2 }, () => 1)).toBe(30000);
    expect(backoffDelay(20, { jitter: 0.2 }, () => 0)).toBe(24000);
  });

  it('uses the defaults (1 s .. 30 s)', () => {
    expect(backoffDelay(0, undefined, () => 0.5)).toBe(1000);
    expect(backoffDelay(100, undefined, () => 0.5)).toBe(30000);
  });
});
