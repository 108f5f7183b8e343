import { mapWithConcurrency, rotatingSlice } from './concurrency';

describe('mapWithConcurrency', () => {
  it('keeps order and never exceeds the limit', async () => {
    let running = 0;
    let peak = 0;
    const result = await mapWithConcurrency(
      Array.from({ length: 50 }, (_, i) => i),
      4,
      async i => {
        running++;
        peak = Math.max(peak, running);
        await new Promise(r => setTimeout(r, i % 3));
        running--;
        return i * 2;
      },
    );
    expect(result).toEqual(Array.from({ length: 50 }, (_, i) => i * 2));
    expect(peak).toBe(4);
    expect(await mapWithConcurrency([], 4, async () => 1)).toEqual([]);
  });
});

describe('rotatingSlice', () => {
  it('visits every item in turn, wrapping around', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    const first = rotatingSlice(items, 0, 2);
    expect(first).toEqual({ slice: ['a', 'b'], nextCursor: 2 });
    const second = rotatingSlice(items, first.nextCursor, 2);
    expect(second).toEqual({ slice: ['c', 'd'], nextCursor: 4 });
    expect(rotatingSlice(items, second.nextCursor, 2)).toEqual({
      slice: ['e', 'a'],
      nextCursor: 1,
    });
    expect(rotatingSlice(items, 3, 10)).toEqual({
      slice: ['d', 'e', 'a', 'b', 'c'],
      nextCursor: 3,
    });
    expect(rotatingSlice([], 3, 10)).toEqual({ slice: [], nextCursor: 0 });
  });
});
