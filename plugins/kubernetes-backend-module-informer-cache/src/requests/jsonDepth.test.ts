import { nestedDeeperThan } from './jsonDepth';

function nest(levels: number): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < levels; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

describe('nestedDeeperThan', () => {
  it('counts objects and arrays as levels, scalars as none', () => {
    expect(nestedDeeperThan('x', 0)).toBe(false);
    expect(nestedDeeperThan(null, 0)).toBe(false);
    expect(nestedDeeperThan({}, 0)).toBe(true);
    expect(nestedDeeperThan(nest(3), 3)).toBe(false);
    expect(nestedDeeperThan(nest(4), 3)).toBe(true);
  });

  it('finds a deep branch next to shallow ones', () => {
    expect(nestedDeeperThan({ a: 1, b: [2, 3], c: nest(40) }, 32)).toBe(true);
    expect(nestedDeeperThan({ a: 1, b: [2, 3], c: nest(20) }, 32)).toBe(false);
  });

  it('walks 10,000 levels without overflowing the stack', () => {
    expect(nestedDeeperThan(nest(10_000), 64)).toBe(true);
  });
});
