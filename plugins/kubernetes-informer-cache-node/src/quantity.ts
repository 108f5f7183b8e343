/**
 * Kubernetes resource quantities
 * (https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/)
 * as numbers, undefined when absent or malformed (the cache keeps "unknown"
 * apart from 0).
 *
 * Why here: the cache (a library) is below every feature, so the parser lives
 * here and cluster-health-backend imports it from here; `-common` packages may
 * not import a node library, and no frontend parses quantities. Why our own:
 * `@kubernetes/client-node`'s `quantityToScalar` throws on fractions with
 * a suffix (`1.5Gi`, `0.5k`) and mixes number and bigint.
 */

const FACTORS: Record<string, number> = {
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
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)([a-zA-Z]*)$/;

/** A quantity in base units (cores, bytes): `2Gi` → 2147483648, `500m` → 0.5. */
export function parseQuantity(
  quantity: string | number | undefined,
): number | undefined {
  if (typeof quantity === 'number') {
    return Number.isFinite(quantity) ? quantity : undefined;
  }
  if (typeof quantity !== 'string') return undefined;
  const match = QUANTITY.exec(quantity.trim());
  const factor = match ? FACTORS[match[2]] : undefined;
  return factor === undefined ? undefined : Number(match![1]) * factor;
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
