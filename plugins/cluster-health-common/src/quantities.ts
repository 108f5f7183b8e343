/*
 * Resource figures for people: CPU in millicores, bytes in binary units.
 * Parsing Kubernetes quantities is the informer cache's
 * (`@fdp/plugin-kubernetes-informer-cache-node`), where the objects are read.
 */

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
