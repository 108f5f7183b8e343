/*
 * Kubernetes resource quantities (https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/)
 * as numbers: CPU in millicores, everything else in base units (bytes, counts).
 */

const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const DECIMAL: Record<string, number> = {
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
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)([a-zA-Z]*)$/;

/** A quantity in base units (`2Gi` → 2147483648, `500m` → 0.5); NaN when malformed. */
export function parseQuantity(value: string | number | undefined): number {
  if (value === undefined || value === null) {
    return NaN;
  }
  if (typeof value === 'number') {
    return value;
  }
  const match = QUANTITY.exec(value.trim());
  if (!match) {
    return NaN;
  }
  const [, num, suffix] = match;
  const factor = BINARY[suffix] ?? DECIMAL[suffix];
  return factor === undefined ? NaN : Number(num) * factor;
}

/** CPU in millicores (`1` → 1000, `250m` → 250, `123456n` → 0.123456); 0 when absent or malformed. */
export function parseCpuMillis(value: string | number | undefined): number {
  const cores = parseQuantity(value);
  return Number.isFinite(cores) ? cores * 1000 : 0;
}

/** Bytes or counts; 0 when absent or malformed. */
export function parseAmount(value: string | number | undefined): number {
  const n = parseQuantity(value);
  return Number.isFinite(n) ? n : 0;
}

/** `1500` millicores → `1.5 cores`, `250` → `250m`. */
export function formatCpu(millis: number): string {
  if (millis >= 1000) {
    return `${Number((millis / 1000).toFixed(2))} cores`;
  }
  return `${Math.round(millis)}m`;
}

/** Bytes in binary units: `2147483648` → `2 GiB`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number(value.toFixed(1))} ${units[unit]}`;
}

/** part / whole in percent, one decimal; undefined when whole is 0. */
export function percent(part: number, whole: number): number | undefined {
  if (!whole) {
    return undefined;
  }
  return Math.round((part / whole) * 1000) / 10;
}
