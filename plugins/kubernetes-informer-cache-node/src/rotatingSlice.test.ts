import { rotatingSlice } from './rotatingSlice';

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
