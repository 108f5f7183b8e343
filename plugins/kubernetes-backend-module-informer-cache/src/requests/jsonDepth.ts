/**
 * Whether a parsed JSON value nests objects/arrays deeper than `max` levels.
 * Iterative on purpose: a recursive walk (zod's included) is what overflows
 * the stack on a body nested 10,000 levels.
 */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}
