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

/** A duration in words: `12 min`, `3 h 5 min`, `2 d 4 h`. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) {
    return `${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const rest = minutes % 60;
    return rest ? `${hours} h ${rest} min` : `${hours} h`;
  }
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest ? `${days} d ${rest} h` : `${days} d`;
}

/** Time since an ISO time, short (`3d`, `5h`, `12m`), for tables. */
export function formatAge(iso: string | undefined, now = Date.now()): string {
  if (!iso) {
    return '–';
  }
  const ms = now - Date.parse(iso);
  if (!Number.isFinite(ms)) {
    return '–';
  }
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) {
    return `${minutes}m`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    return `${hours}h`;
  }
  return `${Math.floor(hours / 24)}d`;
}

/** An ISO time as `2026-11-22 00:05 UTC`, the same for every reader. */
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
