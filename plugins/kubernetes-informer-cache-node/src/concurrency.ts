/**
 * Runs `fn` over `items` with at most `limit` calls in flight; results keep
 * the order of `items`. A rejected call rejects the whole run only if
 * `fn` lets it; callers that want to continue catch inside `fn`.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  };
  const workers = Array.from(
    { length: Math.max(1, Math.min(limit, items.length)) },
    worker,
  );
  await Promise.all(workers);
  return results;
}

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
