/** Kubernetes resource quantities (`250m`, `1.5Gi`, `2232909852n`) as numbers. */

const SUFFIXES: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
  Pi: 1024 ** 5,
  Ei: 1024 ** 6,
};

/**
 * Parses a quantity into base units (cores, bytes). Returns undefined for
 * anything that is not a valid quantity.
 */
export function parseQuantity(
  quantity: string | number | undefined,
): number | undefined {
  if (typeof quantity === 'number') return quantity;
  if (typeof quantity !== 'string') return undefined;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)([a-zA-Z]*)$/.exec(
    quantity.trim(),
  );
  if (!m) return undefined;
  const factor = SUFFIXES[m[2]];
  if (factor === undefined) return undefined;
  return Number(m[1]) * factor;
}

/** CPU quantity in millicores (`250m` → 250, `2` → 2000). */
export function cpuToMillis(
  quantity: string | number | undefined,
): number | undefined {
  const cores = parseQuantity(quantity);
  return cores === undefined ? undefined : cores * 1000;
}

/** Memory quantity in bytes (`1Ki` → 1024). */
export function memoryToBytes(
  quantity: string | number | undefined,
): number | undefined {
  const bytes = parseQuantity(quantity);
  return bytes === undefined ? undefined : Math.round(bytes);
}
