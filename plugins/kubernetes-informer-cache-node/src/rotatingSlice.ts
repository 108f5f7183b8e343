/**
 * Picks the next `count` entries of `items` after position `cursor`,
 * wrapping around, so repeated calls visit every item in turn.
 */
export function rotatingSlice<T>(
  items: readonly T[],
  cursor: number,
  count: number,
): { slice: T[]; nextCursor: number } {
  if (items.length === 0) return { slice: [], nextCursor: 0 };
  const n = Math.min(count, items.length);
  const start = ((cursor % items.length) + items.length) % items.length;
  const slice: T[] = [];
  for (let i = 0; i < n; i++) slice.push(items[(start + i) % items.length]);
  return { slice, nextCursor: (start + n) % items.length };
}
