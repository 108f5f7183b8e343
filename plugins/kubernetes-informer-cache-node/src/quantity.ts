/**
 * Kubernetes resource quantities (`250m`, `1.5Gi`, `2232909852n`) as numbers,
 * undefined when absent or malformed (the cache keeps "unknown" apart from 0).
 * The parsing itself is cluster-health-common's.
 */
import { parseQuantity as parseOrNaN } from '@fdp/plugin-cluster-health-common';

/** A quantity in base units (cores, bytes); undefined when not a quantity. */
export function parseQuantity(
  quantity: string | number | undefined,
): number | undefined {
  if (typeof quantity !== 'number' && typeof quantity !== 'string') {
    return undefined;
  }
  const value = parseOrNaN(quantity);
  return Number.isNaN(value) ? undefined : value;
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
