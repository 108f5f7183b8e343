/** Millicores as cores: `1500` → `1.5`, `250` → `0.25`. */
export function formatCores(millis: number): string {
  return `${Number((millis / 1000).toFixed(millis >= 10_000 ? 1 : 2))}`;
}

/** A percentage without needless decimals: `52.04` → `52%`. */
export function formatPercent(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) {
    return '–';
  }
  return `${Math.round(value)}%`;
}

/**
 * An ISO time as `2026-11-22 00:05 UTC`: only for the home card, which the
 * operations overview replaces (pages use `useFormatters`).
 */
export function formatTime(iso: string | undefined): string {
  if (!iso) {
    return 'unknown time';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
